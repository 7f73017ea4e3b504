package io.portus.auth;

import java.util.Optional;

/**
 * The registries Portus serves tokens for (the "registries" table: the built-in registry, registered on
 * its own, and external CNCF distribution registries added with {@code POST /api/v1/registries}).
 * {@code /v2/token} looks the {@code service} parameter up by hostname, then by external hostname.
 */
public interface RegistryLookup {

    Optional<KnownRegistry> byService(String service);

    /** A registry known to Portus; {@code globalNamespace} is the name of its global namespace. */
    record KnownRegistry(long id, String name, String hostname, String externalHostname, String globalNamespace) {
    }
}
