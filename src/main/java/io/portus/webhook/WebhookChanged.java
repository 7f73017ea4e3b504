package io.portus.webhook;

/**
 * A webhook was created, updated, destroyed, enabled or disabled (Portus's activity keys
 * {@code webhook.create|update|destroy|enabled|disabled}).
 */
public record WebhookChanged(String change, long webhookId, String webhookName, long namespaceId, String namespaceName,
                             Long actorId, String actorName) {
}
