package io.portus.webhook;

import java.time.Instant;

/**
 * One call of a webhook, stored with what was sent and received.
 *
 * @param status the HTTP status received (0 = no answer, null = not sent yet)
 */
public record Delivery(long id, long webhookId, String uuid, Integer status, String requestHeader, String requestBody,
                       String responseHeader, String responseBody, int attempts, Instant createdAt, Instant updatedAt) {

    /** Portus's {@code success?}: the status is 200. */
    public boolean success() {
        return status != null && status == 200;
    }
}
