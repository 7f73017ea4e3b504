package io.portus.web.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code portus.*} switches only the pages read (sign-up and delete are the account's and the policy's).
 *
 * @param anonymousBrowsing {@code anonymous-browsing.enabled}: /explore without signing in
 *                          ({@code PORTUS_ANONYMOUS_BROWSING_ENABLED})
 * @param displayName       {@code display-name.enabled}: show display names instead of user names
 */
@ConfigurationProperties("portus")
record UiProperties(@DefaultValue AnonymousBrowsing anonymousBrowsing, @DefaultValue DisplayName displayName) {

    record AnonymousBrowsing(@DefaultValue("true") boolean enabled) {
    }

    record DisplayName(@DefaultValue("false") boolean enabled) {
    }
}
