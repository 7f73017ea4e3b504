package io.portus.webhook;

/** Fields of a webhook to create or change (null = unchanged, or the default on create). */
public record WebhookInput(String name, String url, String requestMethod, String contentType, String username,
                           String password, Boolean enabled) {
}
