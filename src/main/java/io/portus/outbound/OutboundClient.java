package io.portus.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/** One outgoing HTTP client ({@link OutboundHttp#client}); safe for concurrent use. */
public final class OutboundClient {

    /** What to send; {@code headers} in order (a name may repeat), {@code body} null for none. */
    public record Request(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
                          Duration timeout, int maxBody) {
        public Request {
            headers = List.copyOf(headers);
        }
    }

    /** The answer: status, headers (names case-insensitive), body up to the request's {@code maxBody} bytes. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {

        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }
    }

    static final int MAX_REDIRECTS = 5;

    private final CloseableHttpClient client;

    OutboundClient(CloseableHttpClient client) {
        this.client = client;
    }

    /**
     * Sends the request; a body longer than {@code maxBody} is cut (and the connection dropped rather than read
     * to its end). {@link RefusedAddressException} when the outbound rule refuses every address of the host.
     */
    public Response send(Request request) throws IOException {
        HttpUriRequestBase r = new HttpUriRequestBase(request.method(), request.uri());
        Timeout timeout = Timeout.of(request.timeout());
        r.setConfig(RequestConfig.custom().setResponseTimeout(timeout).setConnectionRequestTimeout(timeout)
                .setMaxRedirects(MAX_REDIRECTS).build());
        request.headers().forEach(h -> r.addHeader(h.getKey(), h.getValue()));
        if (request.body() != null) {
            r.setEntity(new ByteArrayEntity(request.body(), null));
        }
        try (ClassicHttpResponse response = client.executeOpen(null, r, null)) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Header h : response.getHeaders()) {
                headers.computeIfAbsent(h.getName(), k -> new java.util.ArrayList<>()).add(h.getValue());
            }
            HttpEntity entity = response.getEntity();
            byte[] body = new byte[0];
            boolean truncated = false;
            if (entity != null) {
                try (InputStream in = entity.getContent()) {
                    body = in.readNBytes(request.maxBody());
                    truncated = in.read() >= 0;
                    if (truncated) {
                        r.cancel(); // drop the connection instead of reading the rest
                    }
                }
            }
            headers.replaceAll((k, v) -> List.copyOf(v));
            return new Response(response.getCode(), headers, body, truncated);
        }
    }
}
