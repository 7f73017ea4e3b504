package io.portus.config;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.portus.auth.token.SelfSignedCertificate;
import io.portus.outbound.AddressRule;
import io.portus.outbound.OutboundClient;
import io.portus.outbound.OutboundHttp;
import io.portus.outbound.OutboundProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real TLS handshake against a server using the generated certificate, before and after it is trusted. */
class OwnCertificateTrustTest {

    @TempDir
    Path dir;

    @Test
    void outgoingHttpsTrustsTheServedCertificateOnceInstalled() throws Exception {
        var pair = SelfSignedCertificate.ensure(dir);
        KeyStore keyStore = new PemSslStoreBundle(PemSslStoreDetails.forCertificate("file:" + pair.certificate())
                .withPrivateKey("file:" + pair.key()), null).getKeyStore();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, null);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            SSLContext jdkOnly = SSLContext.getInstance("TLS");
            jdkOnly.init(null, jdk.getTrustManagers(), null);
            assertThatThrownBy(() -> get(HttpClient.newBuilder().sslContext(jdkOnly).build(), uri))
                    .isInstanceOf(SSLHandshakeException.class);

            OwnCertificateTrust.install(pair.certificate(), "test");
            assertThat(get(HttpClient.newHttpClient(), uri)).isEqualTo(204);
            OutboundClient outbound = new OutboundHttp(new AddressRule(new OutboundProperties(List.of())))
                    .client(Duration.ofSeconds(2), false);
            assertThat(outbound.send(new OutboundClient.Request("GET", uri, List.of(), null, Duration.ofSeconds(5), 0))
                    .status()).as("Portus's outgoing client").isEqualTo(204);
        } finally {
            server.stop(0);
        }
    }

    private static int get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
