package io.portus.catalog;

/**
 * What changed in the catalog, published as Spring application events inside the transaction that made
 * the change (activities and webhooks react to them). Names are carried along so a listener never has to
 * read rows that may already be gone. {@code actorId} is null for anonymous or unknown actors;
 * {@code registryEvent} is the raw registry event JSON when an event caused the change, else null.
 */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    /** Where a change happened: the repository, its namespace and registry. */
    public record Place(long registryId, long namespaceId, String namespace, long repositoryId, String repository) {
    }

    /** A tag was pushed (created or moved to another digest). */
    public record TagPushed(Place place, long tagId, String tag, String digest, Long actorId, String actorName,
                            String registryEvent) {
    }

    /** A tag was removed from the catalog. */
    public record TagDeleted(Place place, long tagId, String tag, String digest, Long actorId, String actorName,
                             String registryEvent) {
    }

    /** A repository was removed from the catalog (with all its tags). */
    public record RepositoryDeleted(Place place, Long actorId, String actorName) {
    }

    /** A repository was starred or un-starred. */
    public record StarToggled(Place place, long userId, String username, boolean starred) {
    }

    /** A comment was written on a repository. */
    public record CommentAdded(Place place, long commentId, long userId, String username) {
    }
}
