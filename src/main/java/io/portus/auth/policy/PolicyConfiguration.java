package io.portus.auth.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes {@link PolicySettings} of {@link DeleteProperties} and {@link UserPermissionProperties}, and the one {@link Policy}. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    PolicySettings policySettings(UserPermissionProperties permissions, DeleteProperties delete) {
        String pushPolicy = permissions.pushImages().policy();
        PushPolicy policy = PushPolicy.parse(pushPolicy);
        if (policy == PushPolicy.UNKNOWN) {
            log.warn("Unknown push policy '{}' (portus.user-permission.push-images.policy): nobody, admins included, "
                    + "may push. Use allow-teams, allow-personal or admin-only.", pushPolicy);
        }
        return new PolicySettings(policy, delete.enabled(), delete.contributors(),
                permissions.createNamespace().enabled(), permissions.manageNamespace().enabled(),
                permissions.changeVisibility().enabled(), permissions.createTeam().enabled(),
                permissions.manageTeam().enabled(), permissions.createWebhook().enabled(),
                permissions.manageWebhook().enabled());
    }

    @Bean
    Policy policy(PolicySettings settings) {
        return new Policy(settings);
    }
}
