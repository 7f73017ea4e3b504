package io.portus.auth.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.delete.*}: Portus's {@code delete} section.
 *
 * @param enabled      whether tags, repositories, namespaces and teams may be deleted at all
 *                     ({@code PORTUS_DELETE_ENABLED})
 * @param contributors whether contributors may delete too, not only owners and admins
 *                     ({@code PORTUS_DELETE_CONTRIBUTORS})
 */
@ConfigurationProperties("portus.delete")
public record DeleteProperties(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean contributors) {
}
