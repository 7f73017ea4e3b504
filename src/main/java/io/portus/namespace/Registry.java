package io.portus.namespace;

import java.time.Instant;

/** A registry Portus serves tokens for; {@code hostname} includes the port. */
public record Registry(long id, String name, String hostname, boolean useSsl, String externalHostname, boolean builtin,
                       Instant createdAt, Instant updatedAt) {

    /** Name of the global namespace of this registry. */
    public String globalNamespaceName() {
        return NamespaceNames.globalNamespace(id);
    }
}
