package io.portus.outbound;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.outbound.denied-networks}: CIDRs ({@code 10.0.0.0/8}, {@code fc00::/7}, or one address)
 * that outgoing HTTP must not reach, on top of the link-local and metadata addresses always refused.
 * Empty by default: private networks and loopback are allowed (webhooks and registries often live there).
 */
@ConfigurationProperties("portus.outbound")
public record OutboundProperties(@DefaultValue List<String> deniedNetworks) {

    public OutboundProperties {
        deniedNetworks = List.copyOf(deniedNetworks == null ? List.of() : deniedNetworks);
        deniedNetworks.forEach(Cidr::parse);
    }
}
