package io.portus.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.portus.account.User;
import io.portus.auth.policy.ActorKind;
import io.portus.auth.policy.NamespaceFacts;
import io.portus.auth.policy.Policy;
import io.portus.auth.policy.RepositoryAction;
import io.portus.auth.policy.UserAction;
import io.portus.catalog.internal.RepositoryStore;
import io.portus.catalog.internal.TagStore;
import io.portus.common.ForbiddenException;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.common.NotFoundException;
import io.portus.common.Slice;
import io.portus.namespace.AccessFacts;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import org.springframework.stereotype.Service;

/**
 * Reading the catalog with Portus's rules: a user sees the repositories (and their tags) of the
 * namespaces they may pull from ({@link NamespaceService#list}, {@link NamespaceService#show}).
 */
@Service
public class CatalogService {

    private final RepositoryStore repositories;
    private final TagStore tags;
    private final NamespaceService namespaces;
    private final io.portus.team.TeamService teams;
    private final Policy policy;

    CatalogService(RepositoryStore repositories, TagStore tags, NamespaceService namespaces,
                   io.portus.team.TeamService teams, Policy policy) {
        this.teams = teams;
        this.policy = policy;
        this.repositories = repositories;
        this.tags = tags;
        this.namespaces = namespaces;
    }

    /** Repositories the user may see, by id. */
    public List<RepositoryView> repositories(User actor) {
        if (actor.admin()) {
            return repositories.all();
        }
        return repositories.inNamespaces(namespaces.list(actor).stream().map(Namespace::id).toList());
    }

    /** Repositories of one namespace (Portus's {@code show?} on the namespace). */
    public List<RepositoryView> repositoriesOf(User actor, long namespaceId) {
        namespaces.show(actor, namespaceId);
        return repositories.inNamespaces(List.of(namespaceId));
    }

    public RepositoryView repository(User actor, long id) {
        RepositoryView repo = repositories.view(id).orElseThrow(() -> new NotFoundException("Not found"));
        namespaces.show(actor, repo.namespaceId());
        return repo;
    }

    /** A repository by registry and full name, without a permission check (for the system and tests). */
    public Optional<RepositoryView> find(long registryId, String fullName) {
        int slash = fullName.indexOf('/');
        Optional<Namespace> ns = namespaces.find(registryId, slash < 0 ? null : fullName.substring(0, slash));
        return ns.flatMap(n -> repositories.idOf(n.id(), slash < 0 ? fullName : fullName.substring(slash + 1)))
                .flatMap(repositories::view);
    }

    /** Attributes the repository pages sort by. */
    public static java.util.Set<String> repositorySortAttributes() {
        return RepositoryStore.SORTS.attributes();
    }

    /** Attributes the tag pages sort by. */
    public static java.util.Set<String> tagSortAttributes() {
        return TagStore.SORTS.attributes();
    }

    /** A page of {@link #repositories(User)} read in the database, in the order asked for. */
    public Page<RepositoryView> repositories(User actor, PageQuery query) {
        return repositories.page(null, actor.admin() ? null : actor.id(), null, query);
    }

    /** A page of {@link #repositoriesOf(User, long)} read in the database, in the order asked for. */
    public Page<RepositoryView> repositoriesOf(User actor, long namespaceId, PageQuery query) {
        namespaces.show(actor, namespaceId);
        return repositories.page(namespaceId, null, null, query);
    }

    /** A page of the repositories {@code actor} starred and may still see. */
    public Page<RepositoryView> starred(User actor, PageQuery query) {
        return repositories.page(null, actor.admin() ? null : actor.id(), actor.id(), query);
    }

    /** A page of {@link #tags(User, long)} read in the database, in the order asked for. */
    public Page<TagView> tags(User actor, long repositoryId, PageQuery query) {
        repository(actor, repositoryId);
        return tags.pageViews(repositoryId, query);
    }

    /** A page of every tag (admins only). */
    public Page<TagView> allTags(User actor, PageQuery query) {
        if (!actor.admin()) {
            throw new ForbiddenException("Authorization fails");
        }
        return tags.pageViews(null, query);
    }

    public List<TagView> tags(User actor, long repositoryId) {
        repository(actor, repositoryId);
        return tags.viewsOf(repositoryId);
    }

    /**
     * Changes the description (Portus 2.5's {@code PUT /api/v1/repositories/:id}) when the {@link Policy}
     * allows {@link RepositoryAction#DESCRIBE} (admins, and owners and contributors of the namespace's team).
     */
    public RepositoryView describe(User actor, long id, String description) {
        RepositoryView repo = repository(actor, id);
        if (!mayDescribe(actor, repo)) {
            throw new ForbiddenException("Authorization fails");
        }
        if (description != null && description.length() > 4000) {
            throw io.portus.common.InvalidInputException.of("description", "is too long (maximum is 4000 characters)");
        }
        repositories.setDescription(id, description == null || description.isBlank() ? null : description.strip());
        return repositories.view(id).orElseThrow();
    }

    /** Whether {@link #describe} would accept {@code actor} (null = anonymous) on {@code repo}. */
    public boolean mayDescribe(User actor, RepositoryView repo) {
        if (actor == null) {
            return false;
        }
        Namespace ns = namespaces.get(repo.namespaceId());
        var role = teams.roleOf(ns.teamId(), actor.id()).orElse(null);
        return policy.allows(RepositoryAction.DESCRIBE, NamespaceFacts.of(actor,
                new AccessFacts(ns.id(), ns.global(), ns.visibility(), ns.personalUserId(), role)));
    }

    /** A repository description (Markdown) as safe HTML: raw HTML escaped, unsafe link targets dropped. */
    public static String descriptionHtml(RepositoryView repo) {
        return repo.description() == null ? "" : io.portus.catalog.internal.Markdown.toHtml(repo.description());
    }

    /** Without a permission check (for the system and tests). */
    public List<TagView> tagsOf(long repositoryId) {
        return tags.viewsOf(repositoryId);
    }

    /** The tags of a repository grouped by digest (Portus's {@code tags/grouped}), newest push first. */
    public List<List<TagView>> groupedTags(User actor, long repositoryId) {
        Map<String, List<TagView>> groups = new LinkedHashMap<>();
        tags(actor, repositoryId).stream()
                .sorted((a, b) -> b.pushedAt().compareTo(a.pushedAt()))
                .forEach(t -> groups.computeIfAbsent(t.digest(), d -> new java.util.ArrayList<>()).add(t));
        return List.copyOf(groups.values());
    }

    public TagView tag(User actor, long tagId) {
        TagView tag = tags.view(tagId).orElseThrow(() -> new NotFoundException("Not found"));
        repository(actor, tag.repositoryId());
        return tag;
    }

    /** Every tag (admins only, as Portus's {@code GET /api/v1/tags}). */
    public List<TagView> allTags(User actor) {
        if (!Policy.allows(UserAction.ADMINISTER, ActorKind.of(actor))) {
            throw new ForbiddenException("Authorization fails");
        }
        return tags.allViews();
    }

    /** A page of the repositories of one namespace, by name (Portus's {@code show?} on the namespace). */
    public Slice<RepositoryView> repositoriesOf(User actor, long namespaceId, int offset, int limit) {
        namespaces.show(actor, namespaceId);
        return page(new RepositoryStore.RepositoryQuery(namespaceId, null, false, null), offset, limit);
    }

    /** A page of the repositories the user may see whose name or namespace matches {@code text}, by id. */
    public Slice<RepositoryView> search(User actor, String text, int offset, int limit) {
        return page(new RepositoryStore.RepositoryQuery(null, actor.admin() ? null : actor.id(), false, text),
                offset, limit);
    }

    /** A page of the repositories of public namespaces (anonymous browsing, {@code /explore}), by id. */
    public Slice<RepositoryView> explore(String text, int offset, int limit) {
        return page(new RepositoryStore.RepositoryQuery(null, null, true, text), offset, limit);
    }

    /** A repository as an anonymous visitor may see it: only in a public namespace. */
    public RepositoryView publicRepository(long id) {
        RepositoryView repo = repositories.view(id).orElseThrow(() -> new NotFoundException("Not found"));
        namespaces.show(null, repo.namespaceId());
        return repo;
    }

    private Slice<RepositoryView> page(RepositoryStore.RepositoryQuery query, int offset, int limit) {
        int o = Slice.safeOffset(offset);
        int l = Slice.safeLimit(limit);
        return Slice.of(repositories.page(query, o, l), o, l);
    }
}
