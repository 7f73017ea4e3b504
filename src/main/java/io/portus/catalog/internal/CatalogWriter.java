package io.portus.catalog.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.catalog.CatalogEvents.Place;
import io.portus.catalog.CatalogEvents.RepositoryDeleted;
import io.portus.catalog.CatalogEvents.TagDeleted;
import io.portus.catalog.CatalogEvents.TagPushed;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceNames;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.Registry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to repositories and tags, each in one transaction with the domain events it publishes
 * ({@link io.portus.catalog.CatalogEvents}). Callers have already checked the change against the registry.
 * A delete publishes its events only for the rows it removed itself: the built-in registry's delete event and
 * the delete through the API may both reach here, and only one of them counts.
 */
@Component
public class CatalogWriter {

    /** Who did it: a user of this Portus (id) or just a name from an event. */
    public record Actor(Long id, String name) {
        static final Actor ANONYMOUS = new Actor(null, "");
    }

    private final NamespaceService namespaces;
    private final UserService users;
    private final RepositoryStore repositories;
    private final TagStore tags;
    private final ApplicationEventPublisher events;

    CatalogWriter(NamespaceService namespaces, UserService users, RepositoryStore repositories, TagStore tags,
                  ApplicationEventPublisher events) {
        this.namespaces = namespaces;
        this.users = users;
        this.repositories = repositories;
        this.tags = tags;
        this.events = events;
    }

    /** The actor of an event by name (unknown names are kept as names only). */
    public Actor actor(String name) {
        if (name == null || name.isBlank()) {
            return Actor.ANONYMOUS;
        }
        return new Actor(users.findByUsername(name).map(User::id).orElse(null), name);
    }

    /** Namespace (created when {@code create}) and repository (created when {@code create}) of a full name. */
    Optional<Place> place(Registry registry, String fullName, boolean create, Actor actor) {
        int slash = fullName.indexOf('/');
        String nsName = slash < 0 ? null : fullName.substring(0, slash);
        String name = slash < 0 ? fullName : fullName.substring(slash + 1);
        Optional<Namespace> ns = namespaces.find(registry.id(), nsName);
        if (ns.isEmpty()) {
            if (!create || !NamespaceNames.valid(nsName) || NamespaceNames.problem(nsName).isPresent()) {
                return Optional.empty();
            }
            ns = Optional.of(namespaces.createForPush(registry.id(), nsName, actor.id(), actor.name()));
        }
        Optional<Long> repoId = create ? Optional.of(repositories.ensure(ns.get().id(), name))
                : repositories.idOf(ns.get().id(), name);
        Namespace n = ns.get();
        return repoId.map(id -> new Place(registry.id(), n.id(), n.global() ? "" : n.name(), id, fullName));
    }

    /** Namespace and repository of a full name, when both exist. */
    Optional<Place> placeOf(Registry registry, String fullName) {
        return place(registry, fullName, false, Actor.ANONYMOUS);
    }

    /** Records a tag push; false when nothing changed (same digest, from a sync). */
    @Transactional
    public boolean pushed(Registry registry, String fullName, String tag, TagStore.Content content, Actor actor,
                          Instant at, String registryEvent) {
        Optional<Place> place = place(registry, fullName, true, actor);
        if (place.isEmpty()) {
            return false;
        }
        Place p = place.get();
        Optional<TagStore.TagRow> existing = tags.find(p.repositoryId(), tag);
        long tagId;
        if (existing.isPresent()) {
            if (registryEvent == null && existing.get().digest().equals(content.digest())) {
                return false;
            }
            tagId = existing.get().id();
            tags.update(tagId, content, actor.id(), actor.name(), at);
        } else {
            tagId = tags.insert(p.repositoryId(), tag, content, actor.id(), actor.name(), at);
        }
        repositories.touch(p.repositoryId());
        events.publishEvent(new TagPushed(p, tagId, tag, content.digest(), actor.id(), actor.name(), registryEvent));
        return true;
    }

    /** Removes the repository's tags pointing at {@code digest} (and the repository when it is left empty). */
    @Transactional
    public int deletedDigest(Registry registry, String fullName, String digest, Actor actor, String registryEvent) {
        Optional<Place> place = place(registry, fullName, false, actor);
        if (place.isEmpty()) {
            return 0;
        }
        List<TagStore.TagRow> gone = tags.withDigest(place.get().repositoryId(), digest);
        for (TagStore.TagRow t : gone) {
            removeTag(place.get(), t, actor, registryEvent);
        }
        dropIfEmpty(place.get(), actor);
        return gone.size();
    }

    /** Removes one tag (and the repository when it is left empty); false when there was no such tag. */
    @Transactional
    public boolean deletedTag(Registry registry, String fullName, String tag, Actor actor, String registryEvent) {
        Optional<Place> place = place(registry, fullName, false, actor);
        Optional<TagStore.TagRow> row = place.flatMap(p -> tags.find(p.repositoryId(), tag));
        if (row.isEmpty()) {
            return false;
        }
        removeTag(place.get(), row.get(), actor, registryEvent);
        dropIfEmpty(place.get(), actor);
        return true;
    }

    /** Removes a repository and its tags (each tag gets its own event). */
    @Transactional
    public void deletedRepository(Place place, Actor actor) {
        if (repositories.view(place.repositoryId()).isEmpty()) {
            return;
        }
        for (TagStore.TagRow t : tags.ofRepository(place.repositoryId())) {
            removeTag(place, t, actor, null);
        }
        if (repositories.delete(place.repositoryId())) {
            events.publishEvent(new RepositoryDeleted(place, actor.id(), actor.name()));
        }
    }

    @Transactional
    public void pulled(Registry registry, String fullName, String tag, String digest, Instant at) {
        place(registry, fullName, false, Actor.ANONYMOUS)
                .ifPresent(p -> tags.pulled(p.repositoryId(), tag, digest, at));
    }

    private void removeTag(Place place, TagStore.TagRow t, Actor actor, String registryEvent) {
        if (!tags.delete(t.id())) {
            return;
        }
        events.publishEvent(new TagDeleted(place, t.id(), t.name(), t.digest(), actor.id(), actor.name(), registryEvent));
    }

    private void dropIfEmpty(Place place, Actor actor) {
        if (tags.count(place.repositoryId()) == 0 && repositories.delete(place.repositoryId())) {
            events.publishEvent(new RepositoryDeleted(place, actor.id(), actor.name()));
        }
    }
}
