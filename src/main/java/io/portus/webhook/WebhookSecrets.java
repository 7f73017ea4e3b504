package io.portus.webhook;

import io.portus.common.PortusProperties;
import io.portus.webhook.internal.SecretBox;

/**
 * Seals webhook secrets (passwords, header values) as the server stores them, for code that writes webhooks
 * without the webhook service: the Portus importer, which reads them in plain text from Portus's tables.
 */
public final class WebhookSecrets {

    private final SecretBox box;

    private WebhookSecrets(SecretBox box) {
        this.box = box;
    }

    /** Under the server's key ({@code PORTUS_SECRET_KEY_BASE}, else the one generated under the data directory). */
    public static WebhookSecrets from(PortusProperties properties) {
        return new WebhookSecrets(SecretBox.from(properties));
    }

    /** The stored form of {@code plain} (null stays null). */
    public String seal(String plain) {
        return box.encrypt(plain);
    }
}
