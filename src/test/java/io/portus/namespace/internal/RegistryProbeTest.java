package io.portus.namespace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import io.portus.outbound.AddressRule;
import io.portus.outbound.OutboundHttp;
import io.portus.outbound.OutboundProperties;
import org.junit.jupiter.api.Test;

/** The "New Registry" reachability check goes through the outbound rule, against a real local server. */
class RegistryProbeTest {

    private static RegistryProbe probe(String... denied) {
        return new RegistryProbe(new OutboundHttp(new AddressRule(new OutboundProperties(List.of(denied)))));
    }

    @Test
    void aMetadataAddressIsRefusedWithTheReason() {
        assertThat(probe().problem("169.254.169.254", false)).get().asString()
                .startsWith("refused to connect to 169.254.169.254: 169.254.169.254 is a link-local or cloud metadata address");
        assertThat(probe().problem("[fd00:ec2::254]:5000", true)).get().asString().startsWith("refused to connect");
    }

    @Test
    void aLocalRegistryAnswersUnlessItsNetworkIsDenied() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/", ex -> {
            ex.getResponseHeaders().add("Docker-Distribution-Api-Version", "registry/2.0");
            ex.sendResponseHeaders(401, -1);
            ex.close();
        });
        server.start();
        try {
            String host = "127.0.0.1:" + server.getAddress().getPort();
            assertThat(probe().problem(host, false)).isEmpty();
            assertThat(probe("127.0.0.0/8").problem(host, false)).get().asString()
                    .contains("in portus.outbound.denied-networks (127.0.0.0/8)");
        } finally {
            server.stop(0);
        }
    }
}
