package io.portus.it;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** java.net.http clients for tests: HTTP/1.1, no redirects followed, optional trust-all TLS (loopback only). */
public final class Http {

    private static final HttpClient PLAIN = build(false);
    private static final HttpClient TRUST_ALL = build(true);

    private Http() {
    }

    /** A shared client; {@code trustAll} accepts any server certificate (self-signed test servers). */
    public static HttpClient client(boolean trustAll) {
        return trustAll ? TRUST_ALL : PLAIN;
    }

    /** A new client with its own connection pool (e.g. one per concurrent test thread). */
    public static HttpClient newClient(boolean trustAll) {
        return build(trustAll);
    }

    private static HttpClient build(boolean trustAll) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (trustAll) {
            SSLParameters params = new SSLParameters();
            params.setEndpointIdentificationAlgorithm(null);
            b.sslContext(trustAllContext()).sslParameters(params);
        }
        return b.build();
    }

    private static SSLContext trustAllContext() {
        TrustManager tm = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
