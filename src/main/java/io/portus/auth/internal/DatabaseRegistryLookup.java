package io.portus.auth.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.portus.auth.RegistryLookup;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryChanged;
import io.portus.namespace.RegistryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link RegistryLookup} over the {@code registries} table: hostname first, then external hostname.
 * Every token request asks it, and registries almost never change, so answers (unknown services too) are
 * kept for {@link #TTL}: a change made through this instance clears them once committed; one made through
 * another instance is seen here within the TTL.
 */
@Service
class DatabaseRegistryLookup implements RegistryLookup {

    static final Duration TTL = Duration.ofSeconds(5);

    private final RegistryService registries;
    private final Cache<String, Optional<KnownRegistry>> byService = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(TTL).executor(Runnable::run).build();

    DatabaseRegistryLookup(RegistryService registries) {
        this.registries = registries;
    }

    @Override
    public Optional<KnownRegistry> byService(String service) {
        if (service == null || service.isBlank()) {
            return Optional.empty();
        }
        return byService.get(service.trim().toLowerCase(Locale.ROOT),
                s -> registries.byService(s).map(DatabaseRegistryLookup::known));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void registryChanged(RegistryChanged changed) {
        byService.invalidateAll();
    }

    private static KnownRegistry known(Registry r) {
        return new KnownRegistry(r.id(), r.name(), r.hostname(), r.externalHostname(), r.globalNamespaceName());
    }
}
