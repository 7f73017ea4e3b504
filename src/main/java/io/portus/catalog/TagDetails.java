package io.portus.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the tag page shows of one manifest, read from the registry: the tag's own manifest, or one platform's
 * manifest of the tag's index.
 *
 * @param tag          the tag as the catalog has it
 * @param digest       the manifest shown: the tag's, or the platform's chosen from its index
 * @param index        the tag's index or manifest list when a platform of it is shown (else null)
 * @param platforms    the children of the manifest shown when it is an index (else empty)
 * @param config       the image configuration; null for an index, an artifact, or when it could not be read
 * @param layers       the layers in order (empty for an index)
 * @param history      the build steps of the config, each with its layer when it made one
 * @param referrers    manifests whose {@code subject} is the manifest shown (signatures, SBOMs, attestations)
 * @param manifestJson the manifest, indented for reading
 * @param problem      what could not be read (the registry unreachable, a config too large), else null
 */
public record TagDetails(TagView tag, String digest, String index, String mediaType, String artifactType,
                         List<Platform> platforms, Config config, List<Layer> layers, List<Step> history,
                         List<Referrer> referrers, Map<String, String> annotations, String manifestJson,
                         String problem) {

    /** The image configuration's fields that say how the image runs. */
    public record Config(String os, String architecture, String variant, Instant created, String author,
                         String user, String workingDir, List<String> entrypoint, List<String> cmd, List<String> env,
                         Map<String, String> labels, List<String> exposedPorts, List<String> volumes,
                         String stopSignal) {
    }

    /** A layer (or, for an artifact, a blob) of the manifest. */
    public record Layer(String digest, String mediaType, long size) {
    }

    /**
     * One entry of the config's {@code history}.
     *
     * @param layer the layer this step made; null for a step that made none ({@code empty_layer})
     */
    public record Step(Instant created, String createdBy, String comment, Layer layer) {
    }

    /** A manifest that refers to the shown one, as the OCI referrers API describes it. */
    public record Referrer(String digest, String mediaType, String artifactType, long size,
                           Map<String, String> annotations) {
    }

    /** Bytes of config + layers of the manifest shown. */
    public long size() {
        return layers.stream().mapToLong(Layer::size).sum();
    }
}
