package io.portus.rules.internal;

import java.io.IOException;

import io.portus.gc.GcRun;
import io.portus.gc.GcRunFinished;
import io.portus.namespace.RegistryService;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RepositoryName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The collector deletes untagged manifests in storage, not through the registry's deletes, so the quotas are
 * told here, on the instance that ran it, as soon as a real run that deleted manifests ends: every manifest
 * counted before the run started and no longer stored gives its space back. Counted later means a push in
 * flight (reserved, not stored yet): left alone.
 */
@Component
class UsageAfterGc {

    private static final Logger log = LoggerFactory.getLogger(UsageAfterGc.class);

    private final RegistryService registries;
    private final RulesStore store;
    private final RegistryStorage storage;
    private final BuiltInPushRules rules;

    UsageAfterGc(RegistryService registries, RulesStore store, RegistryStorage storage, BuiltInPushRules rules) {
        this.registries = registries;
        this.store = store;
        this.storage = storage;
        this.rules = rules;
    }

    @EventListener
    void on(GcRunFinished finished) {
        GcRun run = finished.run();
        if (run.dryRun() || run.manifestsDeleted() == 0) {
            return;
        }
        registries.builtin().ifPresent(r -> store.namespaces(r.id()).forEach(ns -> {
            try {
                release(ns, run);
            } catch (IOException | RuntimeException e) {
                log.warn("usage of namespace {} after gc run {} not updated (the next recount will): {}", ns, run.id(),
                        e.toString());
            }
        }));
    }

    private void release(long namespaceId, GcRun run) throws IOException {
        for (String repository : store.repositories(namespaceId)) {
            RepositoryName name = new RepositoryName(repository);
            for (String manifest : store.manifestsCountedBefore(namespaceId, repository, run.startedAt())) {
                Digest digest = Digest.parse(manifest);
                if (storage.unguarded().manifest(name, digest).isEmpty()) {
                    rules.deleted(name, digest);
                }
            }
        }
    }
}
