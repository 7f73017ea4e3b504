package io.portus.auth.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link PolicySettings} from Portus's configuration keys and makes the one {@link Policy}. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    PolicySettings policySettings(@Value("${portus.user-permission.push-images.policy:allow-teams}") String pushPolicy,
                                  @Value("${portus.delete.enabled:true}") boolean deleteEnabled,
                                  @Value("${portus.delete.contributors:false}") boolean deleteContributors,
                                  @Value("${portus.user-permission.create-namespace.enabled:true}") boolean createNamespace,
                                  @Value("${portus.user-permission.manage-namespace.enabled:true}") boolean manageNamespace,
                                  @Value("${portus.user-permission.change-visibility.enabled:true}") boolean changeVisibility,
                                  @Value("${portus.user-permission.create-team.enabled:true}") boolean createTeam,
                                  @Value("${portus.user-permission.manage-team.enabled:true}") boolean manageTeam) {
        PushPolicy policy = PushPolicy.parse(pushPolicy);
        if (policy == PushPolicy.UNKNOWN) {
            log.warn("Unknown push policy '{}' (portus.user-permission.push-images.policy): nobody, admins included, "
                    + "may push. Use allow-teams, allow-personal or admin-only.", pushPolicy);
        }
        return new PolicySettings(policy, deleteEnabled, deleteContributors, createNamespace, manageNamespace,
                changeVisibility, createTeam, manageTeam);
    }

    @Bean
    Policy policy(PolicySettings settings) {
        return new Policy(settings);
    }
}
