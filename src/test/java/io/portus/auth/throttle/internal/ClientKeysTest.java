package io.portus.auth.throttle.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeysTest {

    @Test
    void ipv4IsCountedPerAddressIpv6PerSlash64() {
        assertThat(ClientKeys.of("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientKeys.of("2001:db8:1:2:aaaa::1")).isEqualTo("2001:0db8:0001:0002::/64");
        assertThat(ClientKeys.of("2001:db8:1:2:ffff:ffff:ffff:fffe")).isEqualTo(ClientKeys.of("2001:db8:1:2::9"));
        assertThat(ClientKeys.of("2001:db8:1:3::1")).isNotEqualTo(ClientKeys.of("2001:db8:1:2::1"));
        assertThat(ClientKeys.of("0:0:0:0:0:0:0:1")).isEqualTo("0000:0000:0000:0000::/64");
        assertThat(ClientKeys.of("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientKeys.of("x".repeat(100))).hasSize(64);
    }
}
