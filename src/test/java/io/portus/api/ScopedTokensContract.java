package io.portus.api;

import io.portus.account.ApplicationTokenService;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.catalog.Poll;
import io.portus.common.DbTime;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.RegistryService;
import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoped and expiring application tokens (issue #9) through the real HTTP stack on each database (see
 * ScopedTokensTest): {@code /v2/token} grants cut to the scope, expiry refused everywhere, refresh tokens staying
 * scoped, last use recorded at most once a minute, the admin list and revoke, and Portus's old POST.
 */
abstract class ScopedTokensContract extends DatabaseTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;
    @Autowired RegistryService registries;
    @Autowired NamespaceService namespaces;
    @Autowired JdbcClient jdbc;

    TeamFixture team;
    User owner;
    String personal;
    String service;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        int port = port();
        var builtin = Poll.until("built-in registry", () -> registries.builtin().filter(r -> !r.hostname().endsWith(":0")));
        service = builtin.hostname();
        team = new TeamFixture(users, tokens, port, builtin.id(), DatabaseTest::unique);
        owner = team.owner;
        personal = namespaces.list(owner).stream().filter(n -> n.personalUserId() != null && n.personalUserId() == owner.id()
                && n.registryId() == builtin.id()).findFirst().orElseThrow().name();
        User adminUser = users.changeAdmin(users.create(io.portus.account.NewUser.regular(unique("admin"),
                unique("a") + "@example.com", "password-of-admin")), true);
        admin = new ApiClient(port, null).as(adminUser.username(), tokens.createFor(adminUser, "api").plainToken());
    }

    int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }

    /** Creates a token for the team's owner through the API; returns the JSON answer. */
    JsonNode create(String body) {
        var created = team.asOwner.post("/api/v1/users/" + owner.id() + "/application_tokens", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    String pullOnlyTeamToken() {
        return create("{\"application\":\"" + unique("ci") + "\",\"expires_in_days\":30,\"scopes\":[{\"namespace\":\""
                + team.namespace + "\",\"repository\":null,\"actions\":[\"pull\"]}]}").get("plain_token").asString();
    }

    @Test
    void scopedTokenGrantsAreCutToTheScopeAndOutsideIsEmpty() throws Exception {
        String scoped = pullOnlyTeamToken();
        String password = "password-of-" + owner.username();

        assertThat(access(get(scope("repository:" + team.namespace + "/app:push,pull"), owner.username(), password)))
                .as("the user may push and pull").isEqualTo("[{\"type\":\"repository\",\"name\":\"" + team.namespace
                        + "/app\",\"actions\":[\"push\",\"pull\"]}]");
        assertThat(access(get(scope("repository:" + team.namespace + "/app:push,pull"), owner.username(), scoped)))
                .as("the token only pulls").isEqualTo("[{\"type\":\"repository\",\"name\":\"" + team.namespace
                        + "/app\",\"actions\":[\"pull\"]}]");
        assertThat(access(get(scope("repository:" + personal + "/app:push,pull"), owner.username(), scoped)))
                .as("outside the scope").isEqualTo("[]");
        assertThat(access(get(scope("registry:catalog:*"), owner.username(), scoped))).isEqualTo("[]");
    }

    @Test
    void scopedAdminTokenGetsNoCatalog() throws Exception {
        User root = users.changeAdmin(users.create(io.portus.account.NewUser.regular(unique("root"), unique("r") + "@example.com",
                "password-of-root")), true);
        String scoped = tokens.create(root, root.id(), "ci", new io.portus.account.TokenOptions(null,
                io.portus.account.TokenScope.parse(team.namespace + ":pull"))).plainToken();
        assertThat(access(get(scope("registry:catalog:*"), root.username(), "password-of-root"))).contains("\"*\"");
        assertThat(access(get(scope("registry:catalog:*"), root.username(), scoped))).isEqualTo("[]");
    }

    @Test
    void expiredTokenIsRefusedLikeAWrongPasswordEverywhere() throws Exception {
        JsonNode created = create("{\"application\":\"" + unique("ci") + "\",\"expires_at\":\""
                + Instant.now().plus(Duration.ofDays(1)) + "\"}");
        String token = created.get("plain_token").asString();
        assertThat(get(scope("repository:" + personal + "/app:pull"), owner.username(), token).statusCode()).isEqualTo(200);
        ApiClient withToken = new ApiClient(port(), null).as(owner.username(), token);
        assertThat(withToken.get("/api/v1/teams").status()).isEqualTo(200);

        expire(created.get("id").asLong());
        HttpResponse<String> refused = get(scope("repository:" + personal + "/app:pull"), owner.username(), token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Portus\"");
        assertThat(post("grant_type=password&service=" + enc(service) + "&client_id=docker&username=" + owner.username()
                + "&password=" + token).statusCode()).as("docker login").isEqualTo(401);
        assertThat(withToken.get("/api/v1/teams").status()).as("Portus-Auth").isEqualTo(401);
    }

    @Test
    void refreshTokensFromAScopedTokenStayScopedAndEndWithIt() throws Exception {
        JsonNode created = create("{\"application\":\"" + unique("ci") + "\",\"expires_in_days\":2,\"scopes\":\""
                + team.namespace + ":pull\"}");
        String scoped = created.get("plain_token").asString();
        HttpResponse<String> login = get("service=" + enc(service) + "&offline_token=true", owner.username(), scoped);
        String refresh = body(login).get("refresh_token").asString();
        Instant refreshExpiry = jdbc.sql("SELECT expires_at FROM refresh_tokens WHERE application_token_id = ?")
                .param(created.get("id").asLong()).query(LocalDateTime.class).single().toInstant(java.time.ZoneOffset.UTC);
        assertThat(refreshExpiry).as("never outlives the app token").isBeforeOrEqualTo(Instant.parse(
                created.get("expires_at").asString()));

        String form = "grant_type=refresh_token&service=" + enc(service) + "&client_id=docker&refresh_token=" + refresh
                + "&scope=";
        assertThat(access(post(form + enc("repository:" + team.namespace + "/app:push,pull"))))
                .isEqualTo("[{\"type\":\"repository\",\"name\":\"" + team.namespace + "/app\",\"actions\":[\"pull\"]}]");
        assertThat(access(post(form + enc("repository:" + personal + "/app:push,pull")))).isEqualTo("[]");

        expire(created.get("id").asLong());
        assertThat(post(form + enc("repository:" + team.namespace + "/app:pull")).statusCode()).isEqualTo(401);
    }

    @Test
    void refreshTokenDiesWithItsApplicationToken() throws Exception {
        JsonNode created = create("{\"application\":\"" + unique("ci") + "\"}");
        String refresh = body(get("service=" + enc(service) + "&offline_token=true", owner.username(),
                created.get("plain_token").asString())).get("refresh_token").asString();
        String form = "grant_type=refresh_token&service=" + enc(service) + "&client_id=docker&refresh_token=" + refresh;
        assertThat(post(form).statusCode()).isEqualTo(200);
        assertThat(team.asOwner.delete("/api/v1/users/application_tokens/" + created.get("id").asLong()).status()).isEqualTo(204);
        assertThat(post(form).statusCode()).isEqualTo(401);
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinute() throws Exception {
        JsonNode created = create("{\"application\":\"" + unique("ci") + "\"}");
        long id = created.get("id").asLong();
        String token = created.get("plain_token").asString();
        assertThat(lastUsed(id)).isNull();
        get(scope("repository:" + personal + "/app:pull"), owner.username(), token);
        LocalDateTime first = lastUsed(id);
        assertThat(first).isNotNull();
        get(scope("repository:" + personal + "/app:pull"), owner.username(), token);
        assertThat(lastUsed(id)).as("a second use within the minute writes nothing").isEqualTo(first);

        LocalDateTime older = first.minusMinutes(2);
        jdbc.sql("UPDATE application_tokens SET last_used_at = ? WHERE id = ?").params(older, id).update();
        get(scope("repository:" + personal + "/app:pull"), owner.username(), token);
        assertThat(lastUsed(id)).isAfter(older);

        JsonNode listed = team.asOwner.get("/api/v1/users/" + owner.id() + "/application_tokens").json();
        JsonNode mine = null;
        for (JsonNode t : listed) {
            if (t.get("id").asLong() == id) {
                mine = t;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("last_used_ip").asString()).isEqualTo("127.0.0.1");
        assertThat(Instant.parse(mine.get("last_used_at").asString())).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void adminsListAndRevokeEveryTokenOthersMayNot() throws Exception {
        JsonNode created = create("{\"application\":\"" + unique("ci") + "\",\"scopes\":\"" + team.namespace + ":pull\"}");
        long id = created.get("id").asLong();
        assertThat(team.asOwner.get("/api/v1/application_tokens").status()).isEqualTo(403);
        assertThat(team.asOwner.delete("/api/v1/application_tokens/" + id).status()).isEqualTo(403);
        assertThat(new ApiClient(port(), null).get("/api/v1/application_tokens").status()).isEqualTo(401);

        var list = admin.get("/api/v1/application_tokens?all=true&sort_attr=created_at&sort_order=desc");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.header("X-Total")).isNotBlank();
        JsonNode listed = null;
        for (JsonNode t : list.json()) {
            if (t.get("id").asLong() == id) {
                listed = t;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("username").asString()).isEqualTo(owner.username());
        assertThat(listed.get("scopes").toString()).isEqualTo("[{\"namespace\":\"" + team.namespace
                + "\",\"repository\":null,\"actions\":[\"pull\"]}]");
        assertThat(admin.get("/api/v1/application_tokens?per_page=1&page=1").json().size()).isEqualTo(1);
        assertThat(admin.get("/api/v1/application_tokens?sort_attr=plain_token").status()).isEqualTo(400);

        assertThat(admin.delete("/api/v1/application_tokens/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/application_tokens/" + id).status()).isEqualTo(404);
        assertThat(get(scope("repository:" + team.namespace + "/app:pull"), owner.username(),
                created.get("plain_token").asString()).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activities WHERE trackable_id = ? AND activity_key = ?")
                .params(id, "application_token.destroy").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oldStylePostWithOnlyApplicationStillWorks() throws Exception {
        String application = unique("old");
        JsonNode created = create("{\"application\":\"" + application + "\"}");
        assertThat(created.get("application").asString()).isEqualTo(application);
        assertThat(created.get("plain_token").asString()).hasSizeGreaterThan(20);
        assertThat(created.get("expires_at").isNull()).isTrue();
        assertThat(created.get("scopes").isNull()).isTrue();
        assertThat(access(get(scope("repository:" + personal + "/app:push,pull"), owner.username(),
                created.get("plain_token").asString()))).contains("push", "pull");
        assertThat(new ApiClient(port(), null).as(owner.username(), created.get("plain_token").asString())
                .get("/api/v1/teams").status()).isEqualTo(200);
    }

    @Test
    void scopedTokensAreRefusedOnTheRestApiWithAClearMessage() {
        String scoped = pullOnlyTeamToken();
        var refused = new ApiClient(port(), null).as(owner.username(), scoped).get("/api/v1/teams");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("scoped to registry access");
    }

    @Test
    void badScopesAndExpiriesAre422WithTheField() {
        String url = "/api/v1/users/" + owner.id() + "/application_tokens";
        var badAction = team.asOwner.post(url, "{\"application\":\"x\",\"scopes\":[{\"namespace\":\"team1\",\"actions\":[\"fork\"]}]}");
        assertThat(badAction.status()).isEqualTo(422);
        assertThat(badAction.json().get("error").get("scopes").get(0).asString()).contains("not one of pull, push, delete");
        var badName = team.asOwner.post(url, "{\"application\":\"x\",\"scopes\":[{\"namespace\":\"Team 1\",\"actions\":[\"pull\"]}]}");
        assertThat(badName.status()).isEqualTo(422);
        assertThat(team.asOwner.post(url, "{\"application\":\"x\",\"scopes\":[]}").status()).isEqualTo(422);
        assertThat(team.asOwner.post(url, "{\"application\":\"x\",\"scopes\":{\"namespace\":1}}").status()).isIn(400, 422);
        var past = team.asOwner.post(url, "{\"application\":\"x\",\"expires_at\":\"2001-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("error").get("expires_at").get(0).asString()).isEqualTo("must be in the future");
        assertThat(team.asOwner.post(url, "{\"application\":\"x\",\"expires_in_days\":\"soon\"}").status()).isEqualTo(422);
        assertThat(past.body()).doesNotContain("Exception");
    }

    private void expire(long tokenId) {
        jdbc.sql("UPDATE application_tokens SET expires_at = ? WHERE id = ?")
                .params(DbTime.toDb(DbTime.now().minusSeconds(1)), tokenId).update();
    }

    private LocalDateTime lastUsed(long id) {
        return jdbc.sql("SELECT last_used_at FROM application_tokens WHERE id = ?").param(id)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDateTime.class))).single().orElse(null);
    }

    private String scope(String scope) {
        return "service=" + enc(service) + "&scope=" + enc(scope);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String query, String user, String secret) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/v2/token?" + query))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/v2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The token's access claim as JSON text. */
    private static String access(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode b = body(response);
        String token = b.has("token") ? b.get("token").asString() : b.get("access_token").asString();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return claims.has("access") ? claims.get("access").toString() : null;
    }
}
