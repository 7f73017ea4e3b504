package io.portus.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbound address rule on literal addresses of each range, in IPv4 and every IPv6 form embedding one. */
class AddressRuleTest {

    private final AddressRule byDefault = new AddressRule(new OutboundProperties(List.of()));

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "169.254.0.1", "169.254.255.255", "fe80::1", "febf::1",
            "fd00:ec2::254", "::ffff:169.254.169.254", "::169.254.169.254", "64:ff9b::169.254.169.254",
            "100.100.100.200", "0.0.0.0", "0.1.2.3", "::"})
    void linkLocalMetadataAndUnspecifiedAddressesAreAlwaysRefused(String literal) throws UnknownHostException {
        assertThat(byDefault.refusal(InetAddress.getByName(literal))).get().asString()
                .contains("link-local or cloud metadata address");
    }

    @Test
    void anIpv4MappedAddressKeptInItsIpv6FormIsJudgedAsIpv4() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(byDefault.refusal(address)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "172.16.0.1", "172.31.255.254", "192.168.1.1", "127.0.0.1", "::1",
            "fd00::1", "fd00:ec2::253", "169.253.255.255", "169.255.0.1", "fec0::1", "8.8.8.8", "2001:db8::1",
            "100.100.100.201"})
    void privateLoopbackAndPublicAddressesAreAllowedByDefault(String literal) throws UnknownHostException {
        assertThat(byDefault.refusal(InetAddress.getByName(literal))).isEmpty();
    }

    @Test
    void deniedNetworksAddToTheRule() throws UnknownHostException {
        AddressRule rule = new AddressRule(new OutboundProperties(List.of("127.0.0.0/8", "10.0.0.0/8", "::1", "fc00::/7")));
        for (String denied : List.of("127.0.0.1", "127.255.0.9", "10.9.8.7", "::1", "fd12::1", "::ffff:127.0.0.1")) {
            assertThat(rule.refusal(InetAddress.getByName(denied))).as(denied).get().asString()
                    .contains("portus.outbound.denied-networks");
        }
        for (String allowed : List.of("192.168.0.1", "172.16.0.1", "11.0.0.1", "::2")) {
            assertThat(rule.refusal(InetAddress.getByName(allowed))).as(allowed).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "example.com/8", "10.0.0/8", "fc00::/129", "", "10.0.0.0/x"})
    void badNetworksAreRefusedAtStartup(String cidr) {
        assertThatThrownBy(() -> new OutboundProperties(List.of(cidr))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + cidr + "'");
    }
}
