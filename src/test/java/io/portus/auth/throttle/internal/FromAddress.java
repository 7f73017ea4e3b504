package io.portus.auth.throttle.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client whose connections come from one loopback address of its own (127.x.y.z: all of
 * 127/8 reaches the server), so each test is a different client address for the throttle.
 */
final class FromAddress {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    final String address;
    private final HttpClient http;

    FromAddress(String address) {
        this.address = address;
        try {
            this.http = HttpClient.newBuilder().localAddress(InetAddress.getByName(address))
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client from a random loopback address other than 127.0.0.1. */
    static FromAddress random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new FromAddress("127." + r.nextInt(1, 255) + "." + r.nextInt(0, 256) + "." + r.nextInt(1, 255));
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(int port, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(port, path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    HttpResponse<String> form(int port, String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts the sign-in form (with the session's CSRF token, as a browser would). */
    HttpResponse<String> signIn(int port, String username, String password) {
        Matcher m = CSRF.matcher(get(port, "/users/sign_in").body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the sign-in form");
        }
        return form(port, "/users/sign_in", Map.of("_csrf", m.group(1), "username", username, "password", password));
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
