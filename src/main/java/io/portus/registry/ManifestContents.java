package io.portus.registry;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.portus.storage.Digest;
import io.portus.storage.RepositoryName;

/**
 * What a stored manifest of the built-in registry is made of, as {@link PushRules} counts it: for recomputing
 * usage from storage without knowing manifest formats.
 */
public interface ManifestContents {

    /**
     * @return empty when {@code repository} has no such manifest revision
     */
    Optional<Contents> read(RepositoryName repository, Digest manifest) throws IOException;

    /**
     * @param counted  the manifest bytes, then its stored config and layers ({@link PushRules.ManifestPush#contents})
     * @param children the manifests an index or manifest list names (empty for an image)
     */
    record Contents(List<PushRules.Content> counted, List<Digest> children) {
    }
}
