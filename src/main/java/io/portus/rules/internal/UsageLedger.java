package io.portus.rules.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.portus.registry.PushRules;
import io.portus.rules.NamespaceRules;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Usage changes, each in its own transaction holding the namespace's {@code namespace_rules} row lock: the quota
 * check and the reservation of a push happen together, so two pushes racing near the limit cannot both pass (the
 * second sees what the first added). Each content counts once per namespace, whichever repositories and
 * manifests share it.
 */
@Component
class UsageLedger {

    private final RulesStore store;
    private final TagClaims claims;
    private final TransactionTemplate tx;

    UsageLedger(RulesStore store, TagClaims claims, PlatformTransactionManager transactions) {
        this.store = store;
        this.claims = claims;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What {@link #admit} did: counted the manifest, and/or claimed its new immutable tag. */
    record Admitted(boolean counted, boolean claimed) {
        static final Admitted NOTHING = new Admitted(false, false);
    }

    /**
     * Checks a push against the namespace's rules under its row lock: a tag that a rule makes immutable may not
     * move (nor, while new, be claimed by another digest); the contents not yet counted must fit the quota.
     * Then counts the manifest (nothing when it is counted already).
     *
     * @param namespaceName for the refusal's message
     */
    Admitted admit(long namespaceId, String namespaceName, PushRules.ManifestPush push) {
        Admitted admitted = tx.execute(s -> store.lock(namespaceId).map(rules -> admit(rules, namespaceName, push))
                .orElse(null));
        if (admitted == null) {
            tx.executeWithoutResult(s -> store.ensure(namespaceId));
            admitted = tx.execute(s -> store.lock(namespaceId).map(rules -> admit(rules, namespaceName, push))
                    .orElse(Admitted.NOTHING));
        }
        return admitted == null ? Admitted.NOTHING : admitted;
    }

    private Admitted admit(NamespaceRules rules, String namespaceName, PushRules.ManifestPush push) {
        long namespaceId = rules.namespaceId();
        String repository = push.repository().value();
        String manifest = push.digest().toString();
        String rule = push.tag() == null ? null : rules.immutable(push.tag()).orElse(null);
        if (rule != null && push.previous() != null && !push.previous().equals(push.digest())) {
            throw new PushRules.Refused(QuotaMessage.immutable(push.tag(), namespaceName, rule, "it points at "
                    + push.previous() + " and cannot be moved; push under a new tag"));
        }
        boolean claimed = rule != null && push.previous() == null;
        if (claimed) {
            claim(namespaceId, namespaceName, push, rule);
        }
        if (store.counted(namespaceId, repository, manifest)) {
            return new Admitted(false, claimed);
        }
        Map<String, PushRules.Content> contents = distinct(push.contents());
        Set<String> present = store.present(namespaceId, contents.keySet());
        long more = contents.values().stream().filter(c -> !present.contains(c.digest().toString()))
                .mapToLong(PushRules.Content::size).sum();
        if (rules.quotaBytes() != null && more > 0 && rules.usedBytes() + more > rules.quotaBytes()) {
            throw new PushRules.Refused(QuotaMessage.exceeded(namespaceName, rules, more));
        }
        store.insert(namespaceId, repository, manifest, contents.values());
        store.addUsed(namespaceId, more);
        return new Admitted(true, claimed);
    }

    private void claim(long namespaceId, String namespaceName, PushRules.ManifestPush push, String rule) {
        String repository = push.repository().value();
        String manifest = push.digest().toString();
        claims.freshClaim(namespaceId, repository, push.tag()).filter(other -> !other.equals(manifest))
                .ifPresent(other -> {
                    throw new PushRules.Refused(QuotaMessage.immutable(push.tag(), namespaceName, rule,
                            "it is being pushed with " + other + " and cannot be moved; push under a new tag"));
                });
        claims.claim(namespaceId, repository, push.tag(), manifest);
    }

    /** Forgets the claim of a push that did not happen. */
    void unclaim(long namespaceId, PushRules.ManifestPush push) {
        tx.executeWithoutResult(s -> claims.release(namespaceId, push.repository().value(), push.tag()));
    }

    /** Gives back what a manifest of {@code repository} counted (deleted, or its push failed after admission). */
    void release(long namespaceId, String repository, String manifest) {
        tx.executeWithoutResult(s -> {
            if (store.lock(namespaceId).isEmpty()) {
                return;
            }
            List<RulesStore.Counted> removed = store.remove(namespaceId, repository, manifest);
            Map<String, Long> sizes = new LinkedHashMap<>();
            removed.forEach(c -> sizes.put(c.digest(), c.size()));
            Set<String> still = store.present(namespaceId, sizes.keySet());
            long freed = sizes.entrySet().stream().filter(e -> !still.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            store.addUsed(namespaceId, -freed);
        });
    }

    /** By digest, first occurrence kept (a manifest may list one layer twice). */
    static Map<String, PushRules.Content> distinct(Collection<PushRules.Content> contents) {
        Map<String, PushRules.Content> out = new LinkedHashMap<>();
        contents.forEach(c -> out.putIfAbsent(c.digest().toString(), c));
        return out;
    }
}
