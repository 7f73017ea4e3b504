package io.portus.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser in plain HTTP: java.net.http with a cookie jar of its own, following redirects itself (so a test can
 * stop at one, e.g. the provider's redirect back to Portus) and filling forms with their hidden fields.
 */
public final class CookieBrowser {

    private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer; {@code uri} is where it came from. */
    public record Page(int status, URI uri, String location, String body) {
        public boolean redirect() {
            return status / 100 == 3 && location != null;
        }

        public URI next() {
            return uri.resolve(location);
        }
    }

    public Page get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build());
    }

    public Page post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Follows redirects from {@code page} until an answer that is not one (at most 15), and returns that. */
    public Page follow(Page page) {
        List<URI> hops = new ArrayList<>();
        while (page.redirect()) {
            hops.add(page.next());
            if (hops.size() > 15) {
                throw new AssertionError("too many redirects: " + hops);
            }
            page = get(page.next());
        }
        return page;
    }

    /** Follows redirects until one points at {@code host:port} {@code path}, and returns that redirect's target. */
    public URI followUntil(Page page, String pathPart) {
        for (int i = 0; i < 15 && page.redirect(); i++) {
            URI next = page.next();
            if (next.getPath().contains(pathPart)) {
                return next;
            }
            page = get(next);
        }
        throw new AssertionError("no redirect to " + pathPart + "; stopped at " + page.status() + " " + page.uri()
                + "\n" + page.body());
    }

    /** The hidden fields of the page's forms (the CSRF token among them). */
    public static Map<String, String> hidden(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            Matcher n = NAME.matcher(m.group());
            Matcher v = VALUE.matcher(m.group());
            if (n.find()) {
                fields.put(n.group(1), v.find() ? v.group(1).replace("&quot;", "\"").replace("&amp;", "&") : "");
            }
        }
        return fields;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), request.uri(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
