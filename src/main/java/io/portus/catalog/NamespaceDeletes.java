package io.portus.catalog;

import java.util.List;

import io.portus.account.User;
import io.portus.catalog.internal.CatalogWriter;
import io.portus.catalog.internal.RegistryDeletes;
import io.portus.catalog.internal.RepositoryStore;
import io.portus.common.DomainException;
import io.portus.common.RuleViolationException;
import io.portus.common.UnavailableException;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceRemoval;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import org.springframework.stereotype.Service;

/**
 * Deleting a namespace (Portus 2.4+): the rules of {@link NamespaceRemoval}, then every repository of the
 * namespace through the repository delete (registry first, then catalog; only this namespace's repositories
 * are touched), then the namespace. When the registry refuses or cannot be reached, the repositories deleted
 * so far stay deleted, the rest and the namespace stay, and the answer says how far it got.
 */
@Service
public class NamespaceDeletes {

    private final NamespaceRemoval removal;
    private final RepositoryStore repositories;
    private final RegistryDeletes deletes;
    private final RegistryService registries;

    NamespaceDeletes(NamespaceRemoval removal, RepositoryStore repositories, RegistryDeletes deletes,
                     RegistryService registries) {
        this.removal = removal;
        this.repositories = repositories;
        this.deletes = deletes;
        this.registries = registries;
    }

    /** Deletes the namespace with all its repositories; returns how many repositories were deleted. */
    public int delete(User actor, long namespaceId) {
        Namespace ns = removal.check(actor, namespaceId);
        Registry registry = registries.get(ns.registryId());
        List<RepositoryView> all = repositories.inNamespaces(List.of(namespaceId));
        CatalogWriter.Actor who = new CatalogWriter.Actor(actor.id(), actor.username());
        int done = 0;
        for (RepositoryView repo : all) {
            try {
                deletes.deleteRepository(registry, CatalogDeletes.place(repo), who);
            } catch (RuleViolationException | UnavailableException e) {
                throw partial(ns, repo, done, all.size(), e);
            }
            done++;
        }
        removal.remove(actor, namespaceId, id -> repositories.inNamespaces(List.of(id)).stream()
                .map(RepositoryView::fullName).toList());
        return done;
    }

    private static DomainException partial(Namespace ns, RepositoryView failed, int done, int total, DomainException e) {
        String message = "Namespace " + ns.name() + " was not deleted: " + done + " of its " + total
                + " repositories were deleted, then " + failed.fullName() + " could not be: " + e.getMessage();
        return e instanceof UnavailableException ? new UnavailableException(message) : new RuleViolationException(message);
    }
}
