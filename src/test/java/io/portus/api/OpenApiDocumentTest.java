package io.portus.api;

import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import io.portus.web.security.BrowserClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document served at {@code /api/openapi-spec} is the one committed as docs/openapi.json (so a change
 * of the API without the document fails here), it describes only {@code /api}, and Swagger UI opens for admins
 * only. After a deliberate API change, regenerate the file with
 * {@code mvn test -Dtest=OpenApiDocumentTest -Dopenapi.write=true} and commit it.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
@TestPropertySource(properties = "portus.registry.auth=none")
class OpenApiDocumentTest extends DatabaseTest {

    static final Path COMMITTED = Path.of("docs/openapi.json");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired UserService users;

    JsonNode served() {
        HttpResponse<String> r = new BrowserClient(port).get("/api/openapi-spec");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        String served = new BrowserClient(port).get("/api/openapi-spec").body();
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, served.strip() + "\n");
        }
        assertThat(Files.exists(COMMITTED)).as("docs/openapi.json exists").isTrue();
        List<String> differences = new ArrayList<>();
        diff("", JSON.readTree(Files.readString(COMMITTED)), JSON.readTree(served), differences);
        assertThat(differences)
                .as("docs/openapi.json is out of date with the API (committed vs served, by JSON pointer): regenerate "
                        + "it with `mvn test -Dtest=OpenApiDocumentTest -Dopenapi.write=true` and commit it")
                .isEmpty();
    }

    /** The JSON pointers where the two documents differ (at most 20). */
    static void diff(String at, JsonNode committed, JsonNode served, List<String> out) {
        if (out.size() >= 20 || committed.equals(served)) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>(committed.propertyNames());
            names.addAll(served.propertyNames());
            for (String name : names) {
                String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name) || !served.has(name)) {
                    out.add(path + (committed.has(name) ? " only committed" : " only served"));
                } else {
                    diff(path, committed.get(name), served.get(name), out);
                }
            }
        } else {
            out.add(at + ": committed " + abbreviate(committed) + ", served " + abbreviate(served));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    @Test
    void itDescribesTheApiOnlyWithItsParametersAndErrors() {
        JsonNode doc = served();
        List<String> paths = new ArrayList<>(doc.get("paths").propertyNames());
        assertThat(paths).allMatch(p -> p.startsWith("/api/"), "only /api")
                .contains("/api/version", "/api/v1/teams/{id}", "/api/v1/registries/validate",
                        "/api/v1/namespaces/validate")
                .noneMatch(p -> p.startsWith("/api/openapi-spec"));
        assertThat(doc.at("/components/securitySchemes/api_key/name").asString()).isEqualTo("Portus-Auth");
        assertThat(doc.at("/servers/0/url").asString()).isEqualTo("/");

        JsonNode teams = doc.at("/paths/~1api~1v1~1teams/get");
        assertThat(teams.get("parameters").findValuesAsString("name"))
                .contains("page", "per_page", "all", "sort_attr", "sort_order");
        assertThat(teams.at("/responses/200/headers").has("X-Total")).isTrue();
        assertThat(teams.at("/responses/401/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Error");
        assertThat(teams.at("/security/0").has("api_key")).isTrue();

        JsonNode delete = doc.at("/paths/~1api~1v1~1teams~1{id}/delete");
        assertThat(delete.get("parameters").findValuesAsString("name")).contains("id", "new_team");
        assertThat(delete.at("/responses").has("404")).isTrue();

        JsonNode create = doc.at("/paths/~1api~1v1~1registries/post");
        List<String> required = new ArrayList<>();
        create.at("/requestBody/content/application~1json/schema/properties/registry/required")
                .forEach(n -> required.add(n.asString()));
        assertThat(required).containsExactlyInAnyOrder("name", "hostname");
        assertThat(create.at("/responses").has("422")).isTrue();
        assertThat(create.get("description").asString()).contains("Admins only");

        assertThat(doc.at("/paths/~1api~1v1~1_ping/get/security").isEmpty()).as("ping needs no credentials").isTrue();
        assertThat(doc.at("/components/schemas/TeamJson/properties").has("created_at"))
                .as("snake_case properties, as the API writes them").isTrue();
    }

    @Test
    void swaggerUiIsForSignedInAdminsOnly() {
        BrowserClient anonymous = new BrowserClient(port);
        HttpResponse<String> r = anonymous.get("/swagger-ui/index.html");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/users/sign_in");

        BrowserClient user = new BrowserClient(port);
        user.signIn(newUser(false).username(), "password-for-openapi");
        assertThat(user.get("/swagger-ui/index.html").statusCode()).isEqualTo(403);

        BrowserClient admin = new BrowserClient(port);
        admin.signIn(newUser(true).username(), "password-for-openapi");
        HttpResponse<String> page = admin.get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(admin.get("/swagger-ui.html").statusCode()).as("the short path redirects").isEqualTo(302);
    }

    User newUser(boolean admin) {
        String name = unique("openapi");
        User u = users.create(NewUser.regular(name, name + "@example.com", "password-for-openapi"));
        return admin ? users.changeAdmin(u, true) : u;
    }
}
