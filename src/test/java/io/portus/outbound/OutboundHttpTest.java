package io.portus.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outgoing HTTP against a real local server: the rule applies to resolved addresses, literals and redirect hops. */
class OutboundHttpTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            received.add(ex.getRequestURI().getPath());
            if (ex.getRequestURI().getPath().equals("/hop")) {
                ex.getResponseHeaders().add("Location", "/ok");
                ex.sendResponseHeaders(302, -1);
            } else if (ex.getRequestURI().getPath().startsWith("/redirect")) {
                ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                ex.sendResponseHeaders(302, -1);
            } else {
                byte[] body = "x".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static OutboundHttp outbound(String... denied) {
        return new OutboundHttp(new AddressRule(new OutboundProperties(List.of(denied))));
    }

    private static OutboundClient.Request get(String uri, int maxBody) {
        return new OutboundClient.Request("GET", URI.create(uri), List.of(Map.entry("X-Test", "1")), null,
                Duration.ofSeconds(10), maxBody);
    }

    @Test
    void anAllowedLocalTargetAnswersAndLongBodiesAreCut() throws Exception {
        OutboundClient.Response r = outbound().client(Duration.ofSeconds(2), false).send(get(base + "/ok", 1000));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).hasSize(1000);
        assertThat(r.truncated()).isTrue();
        assertThat(r.header("content-length")).contains("100000");
        assertThat(outbound().client(Duration.ofSeconds(2), false).send(get(base + "/ok", 200_000)).body()).hasSize(100_000);
    }

    @Test
    void aRedirectToTheMetadataServiceIsNotFollowed() throws Exception {
        OutboundClient.Response r = outbound().client(Duration.ofSeconds(2), false).send(get(base + "/redirect", 100));
        assertThat(r.status()).isEqualTo(302);
        assertThat(received).containsExactly("/redirect");
    }

    @Test
    void aClientFollowingRedirectsRefusesAHopToTheMetadataService() {
        OutboundClient client = outbound().client(Duration.ofSeconds(2), true);
        assertThatThrownBy(() -> client.send(get(base + "/redirect", 100)))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessageStartingWith("refused to connect to 169.254.169.254: 169.254.169.254 is a link-local");
        assertThat(received).containsExactly("/redirect");
    }

    @Test
    void aClientFollowingRedirectsFollowsThemToAllowedAddresses() throws Exception {
        OutboundClient.Response r = outbound().client(Duration.ofSeconds(2), true).send(get(base + "/hop", 10));
        assertThat(r.status()).isEqualTo(200);
        assertThat(received).containsExactly("/hop", "/ok");
    }

    @Test
    void literalMetadataAddressesAreRefusedBeforeAnyConnection() {
        OutboundClient client = outbound().client(Duration.ofSeconds(2), false);
        for (String uri : List.of("http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/",
                "http://[fe80::1]/", "http://[fd00:ec2::254]/", "http://0.0.0.0:" + server.getAddress().getPort() + "/",
                "http://[::]:" + server.getAddress().getPort() + "/")) {
            assertThatThrownBy(() -> client.send(get(uri, 100))).as(uri).isInstanceOf(RefusedAddressException.class)
                    .hasMessageContaining("link-local or cloud metadata address");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void deniedNetworksBlockingLoopbackRefuseALocalTarget() {
        OutboundClient client = outbound("127.0.0.0/8", "::1/128").client(Duration.ofSeconds(2), false);
        for (String uri : List.of(base + "/ok", "http://localhost:" + server.getAddress().getPort() + "/ok")) {
            assertThatThrownBy(() -> client.send(get(uri, 100))).as(uri).isInstanceOf(RefusedAddressException.class)
                    .hasMessageContaining("in portus.outbound.denied-networks (127.0.0.0/8)");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void theResolverJudgesWhatANameResolvesToAndKeepsOnlyAllowedAddresses() throws Exception {
        DnsResolver rebinding = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return switch (host) {
                    case "metadata.test" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
                    case "mixed.test" -> new InetAddress[] {InetAddress.getByName("::ffff:169.254.169.254"),
                            InetAddress.getByName("127.0.0.1")};
                    default -> InetAddress.getAllByName(host);
                };
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        AddressRuleResolver resolver = new AddressRuleResolver(new AddressRule(new OutboundProperties(List.of())), rebinding);
        assertThatThrownBy(() -> resolver.resolve("metadata.test")).isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("refused to connect to metadata.test: 169.254.169.254 is");
        assertThat(resolver.resolve("mixed.test", 80)).extracting(a -> a.getAddress().getHostAddress())
                .containsExactly("127.0.0.1");
        assertThat(resolver.resolve("localhost")).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
        AddressRuleResolver strict = new AddressRuleResolver(
                new AddressRule(new OutboundProperties(List.of("127.0.0.0/8", "::1/128"))), rebinding);
        assertThatThrownBy(() -> strict.resolve("localhost")).isInstanceOf(RefusedAddressException.class);
    }

    @Test
    void literalRefusalNamesOnlyLiteralAddresses() {
        OutboundHttp http = outbound();
        assertThat(http.literalRefusal(URI.create("http://169.254.169.254/x"))).isPresent();
        assertThat(http.literalRefusal(URI.create("http://[::ffff:a9fe:a9fe]/x"))).isPresent();
        assertThat(http.literalRefusal(URI.create("http://127.0.0.1/x"))).isEmpty();
        assertThat(http.literalRefusal(URI.create("http://dead.beef/x"))).as("a name: checked when connecting").isEmpty();
    }
}
