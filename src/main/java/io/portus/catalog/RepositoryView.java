package io.portus.catalog;

import java.time.Instant;

/**
 * A repository as the API shows it.
 *
 * @param name     the name within its namespace
 * @param fullName the registry path ({@code namespace/name}, or {@code name} in the global namespace)
 */
public record RepositoryView(long id, String name, String fullName, long namespaceId, String namespace,
                             boolean globalNamespace, long registryId, String description, long tagCount, long stars,
                             Instant createdAt, Instant updatedAt) {
}
