package io.portus.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for GitHub (Enterprise layout: {@code <base>/login/oauth/...} and {@code <base>/api/v3/...}),
 * because github.com cannot be reached from the test machines. It speaks the shapes Portus uses: the authorize
 * page (a form that picks the user, then the redirect with {@code code} and {@code state}), the token endpoint
 * (client id/secret by HTTP Basic, single-use codes, JSON answer), {@code /user}, {@code /user/emails} and
 * {@code /user/orgs} (two pages joined by a {@code Link: rel="next"} header). Users: {@code octocat} (id 1001,
 * member of {@value #ORG}) and {@code hubot} (id 1002, only in {@code other-org}).
 */
public final class GithubStandIn implements AutoCloseable {

    public static final String CLIENT_ID = "gh-client";
    public static final String CLIENT_SECRET = "gh-client-secret";
    public static final String ORG = "acme";

    private static final Map<String, Integer> IDS = Map.of("octocat", 1001, "hubot", 1002);
    private final HttpServer server;
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private GithubStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/login/oauth/authorize", this::authorize);
        server.createContext("/login/oauth/access_token", this::token);
        server.createContext("/api/v3/", this::api);
        server.start();
    }

    public static GithubStandIn start() {
        try {
            return new GithubStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: Portus's {@code oauth.github.server}. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        if ("GET".equals(x.getRequestMethod())) {
            StringBuilder hidden = new StringBuilder();
            q.forEach((k, v) -> hidden.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"")
                    .append(v.replace("\"", "&quot;")).append("\">"));
            send(x, 200, "text/html", "<html><body><h1>GitHub stand-in</h1><form method=\"post\" action=\"/login/oauth/authorize\">"
                    + hidden + "<input name=\"login\" id=\"login\"><button type=\"submit\">Authorize</button></form></body></html>");
            return;
        }
        Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!CLIENT_ID.equals(form.get("client_id")) || !IDS.containsKey(form.get("login"))) {
            send(x, 400, "text/plain", "unknown client or user");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, form.get("login"));
        x.getResponseHeaders().add("Location", form.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(form.get("state"), StandardCharsets.UTF_8));
        send(x, 302, "text/plain", "");
    }

    private void token(HttpExchange x) throws IOException {
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String login = codes.remove(form.getOrDefault("code", ""));
        if (!basic.equals(x.getRequestHeaders().getFirst("Authorization")) || login == null) {
            send(x, 400, "application/json", "{\"error\":\"bad_verification_code\"}");
            return;
        }
        String token = "gho_" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, login);
        send(x, 200, "application/json", "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"scope\":\"read:org,read:user,user:email\"}");
    }

    private void api(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String login = auth == null ? null : tokens.get(auth.replaceFirst("(?i)^(bearer|token) ", ""));
        if (login == null) {
            send(x, 401, "application/json", "{\"message\":\"Bad credentials\"}");
            return;
        }
        String path = x.getRequestURI().getPath();
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        switch (path) {
            case "/api/v3/user" -> send(x, 200, "application/json", "{\"id\":" + IDS.get(login) + ",\"login\":\"" + login
                    + "\",\"name\":\"The " + login + "\",\"email\":null}");
            case "/api/v3/user/emails" -> send(x, 200, "application/json", "[{\"email\":\"" + login
                    + "@github.example\",\"primary\":true,\"verified\":true}]");
            case "/api/v3/user/orgs" -> {
                if (!"2".equals(q.get("page"))) {
                    x.getResponseHeaders().add("Link", "<" + base() + "/api/v3/user/orgs?per_page=100&page=2>; rel=\"next\"");
                    send(x, 200, "application/json", "[{\"login\":\"other-org\"}]");
                } else {
                    send(x, 200, "application/json", login.equals("octocat") ? "[{\"login\":\"" + ORG + "\"}]" : "[]");
                }
            }
            default -> send(x, 404, "application/json", "{\"message\":\"Not Found\"}");
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
