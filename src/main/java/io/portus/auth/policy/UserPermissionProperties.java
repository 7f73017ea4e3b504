package io.portus.auth.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.user-permission.*}: Portus's {@code user_permission} section (each {@code PORTUS_USER_PERMISSION_*}).
 *
 * @param pushImages       {@code push-images.policy}: allow-teams, allow-personal or admin-only
 * @param createTeam       non-admins may create teams
 * @param manageTeam       team owners may rename and describe their teams
 * @param createNamespace  non-admins may create namespaces
 * @param manageNamespace  namespace owners may rename, describe and move their namespaces
 * @param changeVisibility namespace owners may change their visibility
 * @param createWebhook    namespace owners may create and delete webhooks
 * @param manageWebhook    namespace owners may change, enable and disable webhooks
 */
@ConfigurationProperties("portus.user-permission")
public record UserPermissionProperties(@DefaultValue PushImages pushImages, @DefaultValue Switch createTeam,
                                       @DefaultValue Switch manageTeam, @DefaultValue Switch createNamespace,
                                       @DefaultValue Switch manageNamespace, @DefaultValue Switch changeVisibility,
                                       @DefaultValue Switch createWebhook, @DefaultValue Switch manageWebhook) {

    public record PushImages(@DefaultValue("allow-teams") String policy) {
    }

    public record Switch(@DefaultValue("true") boolean enabled) {
    }
}
