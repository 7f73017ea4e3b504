package io.portus.auth.policy;

/** What a user may do with the webhooks of a namespace. */
public enum WebhookAction implements Action {
    /** See them and their deliveries. */
    SHOW,
    /** Create, change, enable, disable, delete and re-deliver them. */
    MANAGE
}
