package io.portus.auth.policy;

/**
 * The configuration the matrix depends on: {@code portus.user-permission.push-images.policy},
 * {@code portus.delete.enabled}, {@code portus.delete.contributors}.
 */
public record PolicySettings(PushPolicy pushPolicy, boolean deleteEnabled, boolean deleteContributors) {

    /** Portus master's defaults: allow-teams, delete enabled, contributors may not delete. */
    public static final PolicySettings DEFAULTS = new PolicySettings(PushPolicy.ALLOW_TEAMS, true, false);
}
