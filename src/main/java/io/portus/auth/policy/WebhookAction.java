package io.portus.auth.policy;

/** What a user may do with the webhooks of a namespace. */
public enum WebhookAction implements Action {
    /** See them and their deliveries. */
    SHOW,
    /** Create and delete them (Portus's {@code user_permission.create_webhook}). */
    CREATE,
    /** Change, enable, disable and re-deliver them, edit their headers (Portus's {@code user_permission.manage_webhook}). */
    MANAGE
}
