package io.portus.auth.policy;

/**
 * The configuration the policy depends on: {@code portus.user-permission.push-images.policy},
 * {@code portus.delete.enabled}, {@code portus.delete.contributors} and the {@code portus.user-permission.*}
 * switches of namespaces, teams and webhooks.
 */
public record PolicySettings(PushPolicy pushPolicy, boolean deleteEnabled, boolean deleteContributors,
                             boolean createNamespace, boolean manageNamespace, boolean changeVisibility,
                             boolean createTeam, boolean manageTeam, boolean createWebhook,
                             boolean manageWebhook) {

    /** Portus master's defaults: allow-teams, delete enabled, contributors may not delete, every switch on. */
    public static final PolicySettings DEFAULTS = new PolicySettings(PushPolicy.ALLOW_TEAMS, true, false);

    /** The registry part only; every {@code user-permission} switch on. */
    public PolicySettings(PushPolicy pushPolicy, boolean deleteEnabled, boolean deleteContributors) {
        this(pushPolicy, deleteEnabled, deleteContributors, true, true, true, true, true, true, true);
    }
}
