package io.portus.auth.internal;

import io.portus.auth.RegistryLookup;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** {@link RegistryLookup} over the {@code registries} table: hostname first, then external hostname. */
@Service
class DatabaseRegistryLookup implements RegistryLookup {

    private final RegistryService registries;

    DatabaseRegistryLookup(RegistryService registries) {
        this.registries = registries;
    }

    @Override
    public Optional<KnownRegistry> byService(String service) {
        return registries.byService(service).map(DatabaseRegistryLookup::known);
    }

    private static KnownRegistry known(Registry r) {
        return new KnownRegistry(r.id(), r.name(), r.hostname(), r.externalHostname(), r.globalNamespaceName());
    }
}
