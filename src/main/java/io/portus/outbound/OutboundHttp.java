package io.portus.outbound;

import java.net.InetAddress;
import java.security.NoSuchAlgorithmException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import javax.net.ssl.SSLContext;

/**
 * Makes the HTTP clients of outgoing requests: Apache HttpClient whose connections resolve through the
 * {@link AddressRule} ({@link AddressRuleResolver}), without cookies, automatic retries or decompression.
 * Redirects are followed only when asked for, and then every hop's connection is checked again.
 */
@Component
public class OutboundHttp implements DisposableBean {

    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+]");

    private final AddressRule rule;
    /** The clients made (a handful per process: one per outgoing feature or endpoint), closed at shutdown. */
    private final List<CloseableHttpClient> made = new CopyOnWriteArrayList<>();

    public OutboundHttp(AddressRule rule) {
        this.rule = rule;
    }

    /** A client connecting within {@code connectTimeout}; {@code followRedirects}: up to 5 hops, each checked. */
    public OutboundClient client(Duration connectTimeout, boolean followRedirects) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new AddressRuleResolver(rule))
                .setTlsSocketStrategy(new DefaultClientTlsStrategy(defaultTls()))
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout)).build())
                .setMaxConnTotal(50).setMaxConnPerRoute(10)
                .build();
        var builder = HttpClients.custom().setConnectionManager(connections).disableCookieManagement()
                .disableAutomaticRetries().disableContentCompression().disableAuthCaching();
        if (!followRedirects) {
            builder.disableRedirectHandling();
        }
        CloseableHttpClient client = builder.build();
        made.add(client);
        return new OutboundClient(client);
    }

    /** The JVM's default TLS context, which trusts Portus's own certificate too (see the config module). */
    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /**
     * Why a URL written as a literal address (no name to resolve) can never be reached, for input
     * validation; empty for host names (they are checked when connecting) and allowed addresses.
     */
    public Optional<String> literalRefusal(URI uri) {
        String host = uri.getHost();
        if (host == null || !IP_LITERAL.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            InetAddress address = InetAddress.getByName(host); // a literal: no lookup
            return rule.refusal(address);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void destroy() {
        for (CloseableHttpClient c : made) {
            try {
                c.close();
            } catch (java.io.IOException ignored) {
                // shutting down
            }
        }
    }
}
