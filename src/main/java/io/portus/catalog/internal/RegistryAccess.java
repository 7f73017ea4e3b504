package io.portus.catalog.internal;

import java.util.List;
import java.util.Optional;

/**
 * What the catalog asks a registry, the built-in one (storage API) or an external one (HTTP as the
 * {@code portus} user). "Not there" is an empty answer; anything that prevents an answer (unreachable,
 * 5xx, timeout, I/O error) throws {@link RetryableException}, so nothing is concluded from a failure.
 */
interface RegistryAccess {

    /** Manifest bytes as stored and their media type. */
    record Manifest(byte[] content, String mediaType) {
    }

    Optional<Manifest> manifest(String repository, String digest);

    /**
     * A blob's bytes (an image config), checked to hash to {@code digest}; empty when the registry does not have
     * it. A blob larger than {@code maxBytes} throws {@link RegistryRefusedException}.
     */
    Optional<byte[]> blob(String repository, String digest, int maxBytes);

    /**
     * The manifests whose {@code subject} is {@code digest}: the referrers API, or where the registry has none
     * (distribution 2.8) the OCI fallback tag {@code <alg>-<hex>}; empty when there are none.
     */
    List<io.portus.catalog.TagDetails.Referrer> referrers(String repository, String digest);

    /** The digest a tag points at. */
    Optional<String> resolveTag(String repository, String tag);

    /** The tags of a repository; empty when the registry says the repository does not exist. */
    Optional<List<String>> tags(String repository);

    /** Every repository name (all pages); throws when any page cannot be read. */
    List<String> repositories();

    /**
     * Deletes a manifest (and so every tag pointing at it) on behalf of {@code actor}; a manifest already gone
     * counts as deleted.
     *
     * @return the registry's delete event (JSON) when the registry published it in-process (the built-in one);
     *         empty when it was already gone, or for an external registry (its notification comes over HTTP)
     * @throws RegistryRefusedException when the registry refuses (e.g. deletes disabled)
     */
    Optional<String> deleteManifest(String repository, String digest, String actor);

    /** The registry answered, but refused the operation (4xx other than 404). */
    final class RegistryRefusedException extends RuntimeException {
        RegistryRefusedException(String message) {
            super(message, null, false, false);
        }
    }
}
