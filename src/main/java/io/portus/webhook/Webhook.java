package io.portus.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A namespace's webhook. The basic-auth password is never shown, only whether one is set.
 *
 * @param requestMethod {@code GET} or {@code POST}
 * @param contentType   {@code application/json} or {@code application/x-www-form-urlencoded}
 */
public record Webhook(long id, long namespaceId, String name, String url, String requestMethod, String contentType,
                      String username, boolean hasPassword, boolean enabled, List<Header> headers, Instant createdAt,
                      Instant updatedAt) {

    /** A custom header sent with every delivery. */
    public record Header(long id, String name, String value) {
    }
}
