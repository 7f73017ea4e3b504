package io.portus.rules.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.portus.common.DbTime;
import io.portus.namespace.Namespace;
import io.portus.namespace.RegistryService;
import io.portus.registry.ManifestContents;
import io.portus.registry.PushRules;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RepositoryName;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recounts a namespace's usage from the built-in registry's storage: in each of its repositories, the manifests
 * its tags point at, those counted before that are still stored (untagged ones, referrers), and the children of
 * indexes among them. Rows written in the last minute are kept as they are (a push admitted while the walk ran
 * may not be in storage yet); everything older is replaced by what storage holds.
 */
@Component
public class UsageRecount {

    static final Duration IN_FLIGHT = Duration.ofMinutes(1);
    private static final int PAGE = 1000;

    private final RegistryService registries;
    private final RegistryStorage storage;
    private final ManifestContents contents;
    private final RulesStore store;
    private final TransactionTemplate tx;

    UsageRecount(RegistryService registries, RegistryStorage storage, ManifestContents contents, RulesStore store,
                 PlatformTransactionManager transactions) {
        this.registries = registries;
        this.storage = storage;
        this.contents = contents;
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Recounts {@code ns} (built-in registry only; others keep 0) and returns its usage. */
    public long recount(Namespace ns) {
        if (registries.builtin().filter(r -> r.id() == ns.registryId()).isEmpty()) {
            return store.find(ns.id()).usedBytes();
        }
        Instant started = DbTime.now();
        Map<String, Map<String, List<PushRules.Content>>> found = new LinkedHashMap<>();
        try {
            Set<String> repositories = new TreeSet<>(store.repositories(ns.id()));
            repositories.addAll(stored(ns));
            for (String repository : repositories) {
                found.put(repository, manifests(ns.id(), new RepositoryName(repository)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("recount of namespace " + ns.name() + ": " + e.getMessage(), e);
        }
        tx.executeWithoutResult(s -> store.ensure(ns.id()));
        Long used = tx.execute(s -> {
            if (store.lock(ns.id()).isEmpty()) {
                return 0L;
            }
            store.forgetOlderThan(ns.id(), started.minus(IN_FLIGHT));
            found.forEach((repository, manifests) -> manifests.forEach((manifest, counted) -> {
                if (!store.counted(ns.id(), repository, manifest)) {
                    store.insert(ns.id(), repository, manifest, UsageLedger.distinct(counted).values());
                }
            }));
            return store.resetUsed(ns.id());
        });
        return used == null ? 0 : used;
    }

    /** The stored manifests of one repository worth counting, with what each counts. */
    private Map<String, List<PushRules.Content>> manifests(long namespaceId, RepositoryName repository)
            throws IOException {
        Deque<Digest> todo = new ArrayDeque<>();
        for (String tag : storage.tags(repository).orElse(List.of())) {
            storage.resolveTag(repository, tag).ifPresent(todo::add);
        }
        store.manifests(namespaceId, repository.value()).forEach(d -> todo.add(Digest.parse(d)));
        Map<String, List<PushRules.Content>> out = new LinkedHashMap<>();
        while (!todo.isEmpty()) {
            Digest digest = todo.poll();
            if (out.containsKey(digest.toString())) {
                continue;
            }
            var read = contents.read(repository, digest);
            if (read.isPresent()) {
                out.put(digest.toString(), read.get().counted());
                todo.addAll(read.get().children());
            }
        }
        return out;
    }

    /** The namespace's repositories in storage: {@code <name>/...}, or names without {@code /} for the global one. */
    private Set<String> stored(Namespace ns) throws IOException {
        Set<String> out = new TreeSet<>();
        String prefix = ns.global() ? null : ns.name() + "/";
        String last = prefix;
        while (true) {
            List<String> page = storage.repositories(last, PAGE);
            for (String name : page) {
                if (prefix != null && !name.startsWith(prefix)) {
                    return out;
                }
                if (prefix != null || name.indexOf('/') < 0) {
                    out.add(name);
                }
            }
            if (page.size() < PAGE) {
                return out;
            }
            last = page.getLast();
        }
    }
}
