package io.portus.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portus.activity.Activity;
import io.portus.catalog.Comment;
import io.portus.catalog.Platform;
import io.portus.catalog.RepositoryView;
import io.portus.catalog.TagView;
import io.portus.webhook.Delivery;
import io.portus.webhook.Webhook;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** JSON of the catalog endpoints, shaped after Portus's Grape entities (snake_case, nested namespace/author). */
final class CatalogJson {

    private CatalogJson() {
    }

    record Ref(long id, String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RepositoryJson(long id, String name, String fullName, Ref namespace, long registryId, String description,
                          long stars, long tagsCount, Instant createdAt, Instant updatedAt) {
        static RepositoryJson of(RepositoryView r) {
            return new RepositoryJson(r.id(), r.name(), r.fullName(), new Ref(r.namespaceId(), r.namespace()),
                    r.registryId(), r.description(), r.stars(), r.tagCount(), r.createdAt(), r.updatedAt());
        }
    }

    record Author(Long id, String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TagJson(long id, String name, long repositoryId, String repository, String digest, String mediaType,
                   String artifactType, String imageId, long size, Author author, Instant pushedAt, Instant pulledAt,
                   Instant createdAt, Instant updatedAt, List<Platform> platforms) {
        static TagJson of(TagView t) {
            return new TagJson(t.id(), t.name(), t.repositoryId(), t.repository(), t.digest(), t.mediaType(),
                    t.artifactType(), t.imageId(), t.size(), new Author(t.userId(), t.author()), t.pushedAt(),
                    t.pulledAt(), t.createdAt(), t.updatedAt(), t.platforms());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CommentJson(long id, long repositoryId, Author author, String body, String bodyHtml, Instant createdAt,
                       Instant updatedAt) {
        static CommentJson of(Comment c) {
            return new CommentJson(c.id(), c.repositoryId(), new Author(c.userId(), c.author()), c.body(), c.html(),
                    c.createdAt(), c.updatedAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ActivityJson(long id, String key, Author owner, String trackableType, Long trackableId, String trackableName,
                        String recipientType, Long recipientId, String recipientName, Map<String, String> parameters,
                        Instant createdAt) {
        static ActivityJson of(Activity a) {
            return new ActivityJson(a.id(), a.key(), new Author(a.ownerId(), a.ownerName()), a.trackableType(),
                    a.trackableId(), a.trackableName(), a.recipientType(), a.recipientId(), a.recipientName(),
                    a.parameters(), a.createdAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WebhookJson(long id, long namespaceId, String name, String url, String requestMethod, String contentType,
                       String username, boolean passwordSet, boolean enabled, List<Webhook.Header> headers,
                       Instant createdAt, Instant updatedAt) {
        static WebhookJson of(Webhook w) {
            return new WebhookJson(w.id(), w.namespaceId(), w.name(), w.url(), w.requestMethod(), w.contentType(),
                    w.username(), w.hasPassword(), w.enabled(), w.headers(), w.createdAt(), w.updatedAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DeliveryJson(long id, long webhookId, String uuid, Integer status, boolean success, String requestHeader,
                        String requestBody, String responseHeader, String responseBody, int attempts, Instant createdAt,
                        Instant updatedAt) {
        static DeliveryJson of(Delivery d) {
            return new DeliveryJson(d.id(), d.webhookId(), d.uuid(), d.status(), d.success(), d.requestHeader(),
                    d.requestBody(), d.responseHeader(), d.responseBody(), d.attempts(), d.createdAt(), d.updatedAt());
        }
    }
}
