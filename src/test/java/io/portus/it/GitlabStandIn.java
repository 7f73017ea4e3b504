package io.portus.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.portus.it.GithubStandIn.query;
import static io.portus.it.GithubStandIn.send;

/**
 * A local stand-in for a GitLab server, because gitlab.com cannot be reached from the test machines. It models
 * what Portus uses, in the shapes GitLab documents: {@code /oauth/authorize} (a form that picks the user, then the
 * redirect with {@code code} and {@code state}; the PKCE {@code code_challenge} is kept), {@code /oauth/token}
 * (client id/secret by HTTP Basic, single-use codes bound to their {@code redirect_uri}, the S256
 * {@code code_verifier} checked, JSON answer with {@code scope}), {@code GET /api/v4/user} (the signed-in user
 * with {@code id}, {@code username}, {@code name}, {@code email}) and {@code GET /api/v4/groups}: it needs the
 * {@code read_api} scope, answers in two pages joined by {@code X-Next-Page} and {@code Link: rel="next"}, and
 * (as GitLab does) lists every group to an administrator unless {@code min_access_level} limits it to the groups
 * the user belongs to. Users: {@code ada} (member of {@value #GROUP}, email on {@value #DOMAIN}), {@code bert}
 * (only in {@code acme/ops}), {@code root} (administrator, in no group), {@code carol} (member of
 * {@value #GROUP}, email on {@code elsewhere.example}).
 */
public final class GitlabStandIn implements AutoCloseable {

    public static final String APPLICATION_ID = "gl-application";
    public static final String SECRET = "gl-secret";
    public static final String GROUP = "acme/devs";
    public static final String DOMAIN = "gitlab.example";

    private record User(int id, String email, boolean admin, List<String> groups) {
    }

    private record Grant(String login, String redirectUri, String challenge, String scope) {
    }

    private record Token(String login, String scope) {
    }

    private static final Map<String, User> USERS = Map.of(
            "ada", new User(2001, "ada@" + DOMAIN, false, List.of("acme/ops", GROUP)),
            "bert", new User(2002, "bert@" + DOMAIN, false, List.of("acme/ops")),
            "root", new User(2003, "root@" + DOMAIN, true, List.of()),
            "carol", new User(2004, "carol@elsewhere.example", false, List.of(GROUP)));
    private static final List<String> ALL_GROUPS = List.of("acme/ops", GROUP, "secret-lab");

    private final HttpServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private GitlabStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/oauth/authorize", this::authorize);
        server.createContext("/oauth/token", this::token);
        server.createContext("/api/v4/", this::api);
        server.start();
    }

    public static GitlabStandIn start() {
        try {
            return new GitlabStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: Portus's {@code oauth.gitlab.server}. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void authorize(HttpExchange x) throws IOException {
        if ("GET".equals(x.getRequestMethod())) {
            StringBuilder hidden = new StringBuilder();
            query(x.getRequestURI().getRawQuery()).forEach((k, v) -> hidden.append("<input type=\"hidden\" name=\"")
                    .append(k).append("\" value=\"").append(v.replace("\"", "&quot;")).append("\">"));
            send(x, 200, "text/html", "<html><body><h1>GitLab stand-in</h1><form method=\"post\" action=\"/oauth/authorize\">"
                    + hidden + "<input name=\"login\"><button type=\"submit\">Authorize</button></form></body></html>");
            return;
        }
        Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!APPLICATION_ID.equals(form.get("client_id")) || !USERS.containsKey(form.get("login"))
                || !"code".equals(form.get("response_type")) || !"S256".equals(form.get("code_challenge_method"))) {
            send(x, 400, "text/plain", "unknown client or user, or no S256 code_challenge");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(form.get("login"), form.get("redirect_uri"), form.get("code_challenge"),
                form.getOrDefault("scope", "")));
        x.getResponseHeaders().add("Location", form.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(form.get("state"), StandardCharsets.UTF_8));
        send(x, 302, "text/plain", "");
    }

    private void token(HttpExchange x) throws IOException {
        String basic = "Basic " + Base64.getEncoder().encodeToString((APPLICATION_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (!basic.equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            send(x, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, new Token(grant.login(), grant.scope()));
        send(x, 200, "application/json", "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":7200,"
                + "\"refresh_token\":\"" + UUID.randomUUID() + "\",\"scope\":\"" + grant.scope() + "\",\"created_at\":"
                + System.currentTimeMillis() / 1000 + "}");
    }

    private void api(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        Token token = auth == null ? null : tokens.get(auth.replaceFirst("(?i)^bearer ", ""));
        if (token == null) {
            send(x, 401, "application/json", "{\"message\":\"401 Unauthorized\"}");
            return;
        }
        User user = USERS.get(token.login());
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        switch (x.getRequestURI().getPath()) {
            case "/api/v4/user" -> send(x, 200, "application/json", "{\"id\":" + user.id() + ",\"username\":\""
                    + token.login() + "\",\"name\":\"The " + token.login() + "\",\"state\":\"active\",\"email\":\""
                    + user.email() + "\",\"is_admin\":" + user.admin() + "}");
            case "/api/v4/groups" -> {
                if (!List.of(token.scope().split(" ")).contains("read_api")) {
                    send(x, 403, "application/json", "{\"error\":\"insufficient_scope\"}");
                    return;
                }
                List<String> visible = user.admin() && !q.containsKey("min_access_level") ? ALL_GROUPS : user.groups();
                boolean second = "2".equals(q.get("page"));
                List<String> page = visible.isEmpty() ? visible
                        : second ? visible.subList(1, visible.size()) : visible.subList(0, 1);
                boolean more = !second && visible.size() > 1;
                x.getResponseHeaders().add("X-Next-Page", more ? "2" : "");
                String self = base() + "/api/v4/groups?" + x.getRequestURI().getRawQuery().replaceAll("(^|&)page=\\d+", "");
                String last = self + "&page=" + (visible.size() > 1 ? 2 : 1);
                x.getResponseHeaders().add("Link", (more ? "<" + self + "&page=2>; rel=\"next\", " : "")
                        + "<" + self + "&page=1>; rel=\"first\", <" + last + ">; rel=\"last\"");
                send(x, 200, "application/json", "[" + String.join(",", page.stream().map(GitlabStandIn::group).toList()) + "]");
            }
            default -> send(x, 404, "application/json", "{\"message\":\"404 Not Found\"}");
        }
    }

    private static String group(String fullPath) {
        String path = fullPath.substring(fullPath.lastIndexOf('/') + 1);
        return "{\"id\":" + (3000 + ALL_GROUPS.indexOf(fullPath)) + ",\"name\":\"" + path + "\",\"path\":\"" + path
                + "\",\"full_name\":\"" + fullPath.replace("/", " / ") + "\",\"full_path\":\"" + fullPath
                + "\",\"visibility\":\"private\"}";
    }

    private static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
