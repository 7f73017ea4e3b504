package io.portus.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The HTTP client's resolver: resolves once, drops the addresses the rule denies, and hands the client
 * the rest to connect to (so the address checked is the address used). Literal addresses come through here
 * too. Nothing left: {@link RefusedAddressException}.
 */
final class AddressRuleResolver implements DnsResolver {

    private final AddressRule rule;
    private final DnsResolver system;

    AddressRuleResolver(AddressRule rule, DnsResolver system) {
        this.rule = rule;
        this.system = system;
    }

    AddressRuleResolver(AddressRule rule) {
        this(rule, SystemDefaultDnsResolver.INSTANCE);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] all = system.resolve(host);
        List<InetAddress> allowed = new ArrayList<>();
        String firstRefusal = null;
        for (InetAddress a : all) {
            String refusal = rule.refusal(a).orElse(null);
            if (refusal == null) {
                allowed.add(a);
            } else if (firstRefusal == null) {
                firstRefusal = refusal;
            }
        }
        if (allowed.isEmpty()) {
            throw new RefusedAddressException(host, firstRefusal == null ? "no address" : firstRefusal);
        }
        return allowed.toArray(InetAddress[]::new);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return java.util.Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return system.resolveCanonicalHostname(host);
    }
}
