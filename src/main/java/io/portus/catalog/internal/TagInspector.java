package io.portus.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.portus.catalog.Platform;
import io.portus.catalog.TagDetails;
import io.portus.catalog.TagDetails.Layer;
import io.portus.catalog.TagView;
import io.portus.common.NotFoundException;
import io.portus.namespace.Registry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the tag page shows from the registry itself (the built-in one's storage, an external one over HTTP
 * as {@code portus}): the manifest, its config blob (at most {@value #MAX_CONFIG} bytes), layers, platforms and
 * referrers. What cannot be read is said in {@link TagDetails#problem()}, with what could be read.
 */
@Component
public class TagInspector {

    static final int MAX_CONFIG = 4 * 1024 * 1024;
    static final int MAX_SHOWN_JSON = 256 * 1024;

    private final RegistryAccessFactory access;
    private final JsonMapper json;
    private final ObjectWriter indented;

    TagInspector(RegistryAccessFactory access, JsonMapper json) {
        this.access = access;
        this.json = json;
        this.indented = json.writerWithDefaultPrettyPrinter();
    }

    /**
     * @param platform the digest of one child of the tag's index to show instead of the index, or null
     * @throws NotFoundException when {@code platform} is not a child of the tag's index
     */
    public TagDetails inspect(Registry registry, String repository, TagView tag, String platform) {
        RegistryAccess r = access.of(registry);
        try {
            Optional<RegistryAccess.Manifest> top = r.manifest(repository, tag.digest());
            if (top.isEmpty()) {
                return unreadable(tag, "The registry no longer has the manifest " + tag.digest()
                        + "; the catalog catches up with its next event or sync.");
            }
            if (platform == null) {
                return read(r, repository, tag, tag.digest(), null, top.get());
            }
            ManifestFacts index = ManifestFacts.parse(json, top.get().content(), top.get().mediaType());
            if (index.children().stream().noneMatch(c -> platform.equals(c.digest()))) {
                throw new NotFoundException("Not found");
            }
            RegistryAccess.Manifest child = r.manifest(repository, platform)
                    .orElseThrow(() -> new RegistryAccess.RegistryRefusedException(
                            "The registry does not have the platform's manifest " + platform));
            return read(r, repository, tag, platform, tag.digest(), child);
        } catch (RetryableException e) {
            return unreadable(tag, "The registry could not be read: " + e.getMessage());
        } catch (RegistryAccess.RegistryRefusedException | IllegalArgumentException e) {
            return unreadable(tag, e.getMessage());
        }
    }

    private TagDetails read(RegistryAccess r, String repository, TagView tag, String digest, String index,
                            RegistryAccess.Manifest manifest) {
        ManifestFacts facts = ManifestFacts.parse(json, manifest.content(), manifest.mediaType());
        JsonNode root = json.readTree(manifest.content());
        List<TagDetails.Referrer> referrers = r.referrers(repository, digest);
        String shownJson = pretty(root);
        Map<String, String> annotations = Referrers.annotations(root.path("annotations"));
        if (facts.index()) {
            List<Platform> platforms = facts.children().stream().map(c -> new Platform(c.digest(), c.mediaType(),
                    c.os(), c.architecture(), c.variant(), sizeOf(tag, c.digest()))).toList();
            return new TagDetails(tag, digest, index, facts.mediaType(), facts.artifactType(), platforms, null,
                    List.of(), List.of(), referrers, annotations, shownJson, null);
        }
        List<Layer> layers = layers(root.path("layers"));
        TagDetails.Config config = null;
        List<TagDetails.Step> history = List.of();
        String problem = null;
        String configType = RegistryEvents.text(root.path("config"), "mediaType");
        if (facts.configDigest() != null && facts.artifactType() == null && configType != null) {
            try {
                Optional<byte[]> bytes = r.blob(repository, facts.configDigest(), MAX_CONFIG);
                if (bytes.isPresent()) {
                    ImageConfigs.Parsed parsed = ImageConfigs.parse(json, bytes.get(), layers);
                    config = parsed.config();
                    history = parsed.history();
                } else {
                    problem = "The registry does not have the image's config " + facts.configDigest();
                }
            } catch (RegistryAccess.RegistryRefusedException e) {
                problem = e.getMessage();
            } catch (JacksonException e) {
                problem = "The image's config " + facts.configDigest() + " is not JSON";
            }
        }
        return new TagDetails(tag, digest, index, facts.mediaType(), facts.artifactType(), List.of(), config, layers,
                history, referrers, annotations, shownJson, problem);
    }

    private static long sizeOf(TagView tag, String childDigest) {
        return tag.platforms().stream().filter(p -> childDigest.equals(p.digest())).mapToLong(Platform::size)
                .findFirst().orElse(0);
    }

    private static List<Layer> layers(JsonNode array) {
        List<Layer> all = new ArrayList<>();
        for (JsonNode l : array) {
            all.add(new Layer(RegistryEvents.text(l, "digest"), RegistryEvents.text(l, "mediaType"),
                    l.path("size").asLong(0)));
        }
        return all;
    }

    private String pretty(JsonNode root) {
        String text = indented.writeValueAsString(root);
        if (text.length() <= MAX_SHOWN_JSON) {
            return text;
        }
        return new String(text.getBytes(StandardCharsets.UTF_8), 0, MAX_SHOWN_JSON, StandardCharsets.UTF_8)
                + "\n… (cut at " + MAX_SHOWN_JSON / 1024 + " KiB)";
    }

    private static TagDetails unreadable(TagView tag, String problem) {
        return new TagDetails(tag, tag.digest(), null, tag.mediaType(), tag.artifactType(), tag.platforms(), null,
                List.of(), List.of(), List.of(), Map.of(), null, problem);
    }
}
