package io.portus.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * The one rule of which addresses outgoing HTTP may connect to. An IPv6 address that embeds an IPv4 one
 * (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d} (not {@code ::1}), NAT64 {@code 64:ff9b::a.b.c.d}) is
 * judged as that IPv4 address too.
 */
@Component
public class AddressRule {

    /** Link-local (where clouds answer metadata requests), the metadata addresses, "this host" and unspecified. */
    static final List<String> ALWAYS_DENIED = List.of("169.254.0.0/16", "fe80::/10", "fd00:ec2::254/128",
            "100.100.100.200/32", "0.0.0.0/8", "::/128");

    private final List<Cidr> always;
    private final List<Cidr> configured;

    public AddressRule(OutboundProperties properties) {
        this.always = ALWAYS_DENIED.stream().map(Cidr::parse).toList();
        this.configured = properties.deniedNetworks().stream().map(Cidr::parse).toList();
    }

    /** Why {@code address} must not be connected to, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        return forms(address).flatMap(bytes -> Stream.concat(
                        always.stream().filter(c -> c.contains(bytes))
                                .map(c -> "a link-local or cloud metadata address (" + c + ")"),
                        configured.stream().filter(c -> c.contains(bytes))
                                .map(c -> "in portus.outbound.denied-networks (" + c + ")")))
                .findFirst()
                .map(why -> address.getHostAddress() + " is " + why);
    }

    private static Stream<byte[]> forms(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && embedsIpv4(bytes)) {
            return Stream.of(bytes, Arrays.copyOfRange(bytes, 12, 16));
        }
        return Stream.of(bytes);
    }

    private static boolean embedsIpv4(byte[] b) {
        boolean zeros = allZero(b, 0, 10);
        boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0 && b[12] != 0; // not :: nor ::1
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        return mapped || compatible || nat64;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
