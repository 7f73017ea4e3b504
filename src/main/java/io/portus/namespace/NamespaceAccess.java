package io.portus.namespace;

import io.portus.namespace.internal.NamespaceStore;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** Loads the {@link AccessFacts} of a namespace for one user in a single query. */
@Service
public class NamespaceAccess {

    private final NamespaceStore store;

    NamespaceAccess(NamespaceStore store) {
        this.store = store;
    }

    /**
     * @param namespace the namespace name, or null for the registry's global namespace
     * @param userId    the user, or null for anonymous
     */
    public Optional<AccessFacts> facts(long registryId, String namespace, Long userId) {
        return store.facts(registryId, namespace, userId == null ? -1 : userId);
    }

    public Optional<AccessFacts> facts(long namespaceId, Long userId) {
        return store.facts(namespaceId, userId == null ? -1 : userId);
    }
}
