package io.portus.catalog;

import java.util.List;

import io.portus.account.User;
import io.portus.auth.policy.ActorKind;
import io.portus.auth.policy.CommentAction;
import io.portus.auth.policy.Policy;
import io.portus.catalog.CatalogEvents.Place;
import io.portus.catalog.internal.Markdown;
import io.portus.catalog.internal.SocialStore;
import io.portus.common.ForbiddenException;
import io.portus.common.InvalidInputException;
import io.portus.common.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stars (one per user and repository, toggled) and comments (Markdown, rendered safely) on repositories a
 * user may see. A comment is deleted by its author or an admin.
 */
@Service
public class SocialService {

    static final int MAX_COMMENT = 10_000;

    private final SocialStore store;
    private final CatalogService catalog;
    private final ApplicationEventPublisher events;

    SocialService(SocialStore store, CatalogService catalog, ApplicationEventPublisher events) {
        this.store = store;
        this.catalog = catalog;
        this.events = events;
    }

    /** Stars or un-stars; returns whether the repository is now starred by the user. */
    @Transactional
    public boolean toggleStar(User actor, long repositoryId) {
        RepositoryView repo = catalog.repository(actor, repositoryId);
        boolean starred = store.starred(actor.id(), repositoryId);
        if (starred) {
            store.unstar(actor.id(), repositoryId);
        } else {
            store.star(actor.id(), repositoryId);
        }
        events.publishEvent(new CatalogEvents.StarToggled(place(repo), actor.id(), actor.username(), !starred));
        return !starred;
    }

    public boolean starred(User actor, long repositoryId) {
        catalog.repository(actor, repositoryId);
        return store.starred(actor.id(), repositoryId);
    }

    /** Up to {@code limit} of the repositories the user starred and may still see (the dashboard's list). */
    public List<RepositoryView> starredRepositories(User actor, int limit) {
        List<RepositoryView> out = new java.util.ArrayList<>();
        for (long id : store.starredBy(actor.id())) {
            if (out.size() >= limit) {
                break;
            }
            try {
                out.add(catalog.repository(actor, id));
            } catch (ForbiddenException | NotFoundException gone) {
                // no longer visible to this user: not listed
            }
        }
        return out;
    }

    @Transactional
    public Comment comment(User actor, long repositoryId, String body) {
        RepositoryView repo = catalog.repository(actor, repositoryId);
        if (body == null || body.isBlank()) {
            throw InvalidInputException.of("body", "can't be blank");
        }
        if (body.length() > MAX_COMMENT) {
            throw InvalidInputException.of("body", "is too long (maximum is " + MAX_COMMENT + " characters)");
        }
        long id = store.addComment(repositoryId, actor.id(), actor.username(), body);
        events.publishEvent(new CatalogEvents.CommentAdded(place(repo), id, actor.id(), actor.username()));
        return comments(actor, repositoryId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    public List<Comment> comments(User actor, long repositoryId) {
        catalog.repository(actor, repositoryId);
        return store.comments(repositoryId).stream().map(c -> new Comment(c.id(), c.repositoryId(), c.userId(),
                c.username(), c.body(), Markdown.toHtml(c.body()), c.createdAt(), c.updatedAt())).toList();
    }

    /** Whether {@code actor} (null = anonymous) may delete {@code comment}, for showing the button. */
    public static boolean mayDelete(User actor, Comment comment) {
        return mayDelete(actor, comment.userId());
    }

    private static boolean mayDelete(User actor, Long authorId) {
        return Policy.allows(CommentAction.DELETE, ActorKind.of(actor),
                actor != null && authorId != null && authorId == actor.id());
    }

    @Transactional
    public void deleteComment(User actor, long repositoryId, long commentId) {
        catalog.repository(actor, repositoryId);
        SocialStore.CommentRow c = store.comment(commentId).filter(r -> r.repositoryId() == repositoryId)
                .orElseThrow(() -> new NotFoundException("Not found"));
        if (!mayDelete(actor, c.userId())) {
            throw new ForbiddenException("Authorization fails");
        }
        store.deleteComment(commentId);
    }

    private static Place place(RepositoryView r) {
        return new Place(r.registryId(), r.namespaceId(), r.globalNamespace() ? "" : r.namespace(), r.id(), r.fullName());
    }
}
