package io.portus.namespace;

import io.portus.account.User;
import io.portus.common.ConflictException;
import io.portus.common.ForbiddenException;
import io.portus.common.NotAllowedException;
import io.portus.common.NotFoundException;
import io.portus.common.RuleViolationException;
import io.portus.namespace.internal.NamespaceStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.function.LongFunction;

/**
 * The namespace side of deleting a namespace (Portus 2.4+, docs/compatibility.md#deletes): the {@link NamespacePolicy}
 * decides who may; global and personal namespaces are refused (personal ones go with their user). The catalog deletes the repositories first ({@code catalog.NamespaceDeletes}),
 * then {@link #remove} drops the namespace itself.
 */
@Service
public class NamespaceRemoval {

    private final NamespaceStore store;
    private final NamespacePolicy policy;
    private final RegistryService registries;
    private final ApplicationEventPublisher events;

    NamespaceRemoval(NamespaceStore store, NamespacePolicy policy, RegistryService registries,
                     ApplicationEventPublisher events) {
        this.store = store;
        this.policy = policy;
        this.registries = registries;
        this.events = events;
    }

    /** The namespace when {@code actor} may delete it; else the refusal (405, 403, or 422 with the reason). */
    public Namespace check(User actor, long id) {
        if (!policy.deleteEnabled()) {
            throw new NotAllowedException("Deleting is disabled (portus.delete.enabled / PORTUS_DELETE_ENABLED)");
        }
        Namespace ns = store.byId(id).orElseThrow(() -> new NotFoundException("Not found"));
        AccessFacts facts = store.facts(id, actor.id()).orElseThrow(() -> new NotFoundException("Not found"));
        if (!policy.mayPull(actor, facts)) {
            throw new ForbiddenException("Authorization fails");
        }
        if (ns.global()) {
            throw new RuleViolationException("The global namespace cannot be deleted");
        }
        if (ns.personal()) {
            throw new RuleViolationException("A personal namespace cannot be deleted: it goes when its user is deleted");
        }
        if (!policy.mayDeleteNamespace(actor, facts)) {
            throw new ForbiddenException("Authorization fails");
        }
        return ns;
    }

    /**
     * Deletes the namespace once it is empty; {@code repositoriesLeft} names what is still in it (a push may
     * have come in while its repositories were being deleted), and then nothing is deleted (409).
     */
    @Transactional
    public void remove(User actor, long id, LongFunction<List<String>> repositoriesLeft) {
        Namespace ns = check(actor, id);
        List<String> left = repositoriesLeft.apply(id);
        if (!left.isEmpty()) {
            throw new ConflictException("Namespace " + ns.name() + " still has the repositories " + String.join(", ", left)
                    + " (pushed while it was being deleted): delete it again.", "repositories", left);
        }
        store.delete(id);
        events.publishEvent(new NamespaceDeleted(ns, registries.get(ns.registryId()).name(), actor.id(),
                actor.username()));
    }
}
