package io.portus.rules.internal;

import java.util.List;
import java.util.Optional;

import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import io.portus.registry.PushRules;
import io.portus.rules.NamespaceRules;
import io.portus.storage.Digest;
import io.portus.storage.RepositoryName;
import org.springframework.stereotype.Component;

/**
 * The built-in registry's {@link PushRules}: the namespace of a repository is the part before its first
 * {@code /} (none: the global namespace). Repositories of namespaces that do not exist (yet) have no rules and
 * count nothing until the next recount.
 */
@Component
class BuiltInPushRules implements PushRules {

    private final RegistryService registries;
    private final NamespaceService namespaces;
    private final RulesStore store;
    private final UsageLedger ledger;
    /** The built-in registry's id once registered (it never changes). */
    private volatile Long builtinId;

    BuiltInPushRules(RegistryService registries, NamespaceService namespaces, RulesStore store, UsageLedger ledger) {
        this.registries = registries;
        this.namespaces = namespaces;
        this.store = store;
        this.ledger = ledger;
    }

    @Override
    public Admission admit(ManifestPush push) {
        Optional<Namespace> ns = namespaceOf(push.repository());
        if (ns.isEmpty()) {
            return Admission.NOTHING;
        }
        long id = ns.get().id();
        UsageLedger.Admitted admitted = ledger.admit(id, name(ns.get()), push);
        if (!admitted.counted() && !admitted.claimed()) {
            return Admission.NOTHING;
        }
        return () -> {
            if (admitted.claimed()) {
                ledger.unclaim(id, push);
            }
            if (admitted.counted()) {
                ledger.release(id, push.repository().value(), push.digest().toString());
            }
        };
    }

    @Override
    public void checkDelete(RepositoryName repository, List<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        Optional<Namespace> ns = namespaceOf(repository);
        if (ns.isEmpty()) {
            return;
        }
        NamespaceRules rules = store.find(ns.get().id());
        for (String tag : tags) {
            rules.immutable(tag).ifPresent(rule -> {
                throw new Refused(QuotaMessage.immutable(tag, name(ns.get()), rule, "it cannot be deleted"));
            });
        }
    }

    @Override
    public void deleted(RepositoryName repository, Digest manifest) {
        namespaceOf(repository).ifPresent(ns -> ledger.release(ns.id(), repository.value(), manifest.toString()));
    }

    private Optional<Namespace> namespaceOf(RepositoryName repository) {
        Long registryId = builtinId;
        if (registryId == null) {
            Optional<Registry> builtin = registries.builtin();
            if (builtin.isEmpty()) {
                return Optional.empty();
            }
            registryId = builtin.get().id();
            builtinId = registryId;
        }
        String ns = repository.namespace();
        return namespaces.find(registryId, ns.isEmpty() ? null : ns);
    }

    static String name(Namespace ns) {
        return ns.global() ? "(global)" : ns.name();
    }
}
