package io.portus.catalog;

import java.util.List;

import io.portus.account.User;
import io.portus.auth.policy.NamespaceFacts;
import io.portus.auth.policy.Policy;
import io.portus.auth.policy.RepositoryAction;
import io.portus.catalog.CatalogEvents.Place;
import io.portus.catalog.internal.CatalogWriter;
import io.portus.catalog.internal.RegistryDeletes;
import io.portus.catalog.internal.TagStore;
import io.portus.common.ConflictException;
import io.portus.common.ForbiddenException;
import io.portus.common.NotAllowedException;
import io.portus.common.NotFoundException;
import io.portus.namespace.AccessFacts;
import io.portus.namespace.NamespaceAccess;
import io.portus.namespace.RegistryService;
import org.springframework.stereotype.Service;

/**
 * Deleting tags and repositories: {@code portus.delete.enabled} must be on (else 405), and the {@link Policy}
 * must allow {@link RepositoryAction#DELETE} (Portus 2.4+: admin, owner of the namespace's team, or contributor
 * when {@code portus.delete.contributors} is on). A manifest delete removes every tag of the repository with
 * that digest, so when other tags share it the answer is 409 naming them, unless {@code force}.
 */
@Service
public class CatalogDeletes {

    private final CatalogService catalog;
    private final TagStore tags;
    private final RegistryDeletes deletes;
    private final RegistryService registries;
    private final NamespaceAccess access;
    private final Policy policy;

    CatalogDeletes(CatalogService catalog, TagStore tags, RegistryDeletes deletes, RegistryService registries,
                   NamespaceAccess access, Policy policy) {
        this.catalog = catalog;
        this.tags = tags;
        this.deletes = deletes;
        this.registries = registries;
        this.access = access;
        this.policy = policy;
    }

    /** Deletes the tag's manifest; with {@code force} also when other tags of the repository share it. */
    public void deleteTag(User actor, long tagId, boolean force) {
        requireEnabled();
        TagView tag = catalog.tag(actor, tagId);
        RepositoryView repo = catalog.repository(actor, tag.repositoryId());
        requireDeleter(actor, repo);
        List<String> sharing = tags.withDigest(repo.id(), tag.digest()).stream()
                .filter(t -> t.id() != tagId).map(TagStore.TagRow::name).toList();
        if (!sharing.isEmpty() && !force) {
            throw new ConflictException("Tags " + String.join(", ", sharing) + " share the digest " + tag.digest()
                    + " of tag " + tag.name() + ": deleting it deletes them too. Repeat with force=true to delete all of them.",
                    sharing);
        }
        deletes.deleteDigest(registries.get(repo.registryId()), place(repo), tag.digest(), actorOf(actor));
    }

    /** Deletes every manifest of the repository in the registry, then the repository. */
    public void deleteRepository(User actor, long repositoryId) {
        requireEnabled();
        RepositoryView repo = catalog.repository(actor, repositoryId);
        requireDeleter(actor, repo);
        deletes.deleteRepository(registries.get(repo.registryId()), place(repo), actorOf(actor));
    }

    private void requireEnabled() {
        if (!policy.settings().deleteEnabled()) {
            throw new NotAllowedException("Deleting images is disabled (portus.delete.enabled / PORTUS_DELETE_ENABLED)");
        }
    }

    private void requireDeleter(User actor, RepositoryView repo) {
        AccessFacts facts = access.facts(repo.namespaceId(), actor.id()).orElseThrow(() -> new NotFoundException("Not found"));
        if (!policy.allows(RepositoryAction.DELETE, NamespaceFacts.of(actor, facts))) {
            throw new ForbiddenException("Authorization fails");
        }
    }

    private CatalogWriter.Actor actorOf(User actor) {
        return new CatalogWriter.Actor(actor.id(), actor.username());
    }

    static Place place(RepositoryView r) {
        return new Place(r.registryId(), r.namespaceId(), r.globalNamespace() ? "" : r.namespace(), r.id(), r.fullName());
    }
}
