package io.portus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import io.portus.team.Role;
import io.portus.team.Team;
import io.portus.team.TeamService;
import io.portus.web.security.BrowserClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The namespace and team delete buttons over real HTTP: shown only to those who may delete, a forged form is
 * refused by the server, a team with namespaces says what to do first, and the owner's deletes go through.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
class DeletePagesTest extends DatabaseTest {

    static final String PASSWORD = "password-for-delete-pages";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired TeamService teams;
    @Autowired NamespaceService namespaces;

    User owner;
    User viewer;
    Team team;
    Namespace ns;

    @BeforeEach
    void setUp() {
        owner = user("owner");
        viewer = user("viewer");
        team = teams.create(owner, unique("team"), null, null);
        teams.addMember(owner, team.id(), viewer.username(), Role.VIEWER);
        ns = namespaces.create(owner, unique("ns"), team.name(), null, null);
    }

    @Test
    void aViewerSeesNoDeleteButtonsAndAForgedDeleteIsRefused() {
        BrowserClient browser = signedIn(viewer);
        assertThat(browser.get("/namespaces/" + ns.id()).body()).doesNotContain("/namespaces/" + ns.id() + "/delete");
        assertThat(browser.get("/teams/" + team.id()).body()).doesNotContain("/teams/" + team.id() + "/delete")
                .doesNotContain("Delete team");
        String csrf = browser.csrf("/namespaces/" + ns.id());
        assertThat(browser.post("/namespaces/" + ns.id() + "/delete", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
        assertThat(browser.post("/teams/" + team.id() + "/delete", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
        assertThat(namespaces.find(ns.registryId(), ns.name())).isPresent();
        assertThat(teams.find(team.id())).isPresent();
    }

    @Test
    void theOwnerDeletesTheNamespaceThenTheTeam() {
        BrowserClient browser = signedIn(owner);
        String teamPage = browser.get("/teams/" + team.id()).body();
        assertThat(teamPage).contains("still owns 1 namespace").doesNotContain("/teams/" + team.id() + "/delete\"");
        String csrf = browser.csrf("/teams/" + team.id());
        HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/teams/" + team.id() + "/delete"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", "http://127.0.0.1:" + port + "/teams/" + team.id())
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/teams/" + team.id());
        assertThat(browser.get("/teams/" + team.id()).body()).contains("still owns the namespaces " + ns.name());

        String nsPage = browser.get("/namespaces/" + ns.id()).body();
        assertThat(nsPage).contains("action=\"/namespaces/" + ns.id() + "/delete\"").contains("data-confirm=");
        HttpResponse<String> deleted = browser.post("/namespaces/" + ns.id() + "/delete", Map.of("_csrf", csrf));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.headers().firstValue("Location").orElse("")).endsWith("/namespaces");
        assertThat(browser.get("/namespaces").body()).contains("Namespace " + ns.name() + " deleted.");
        assertThat(namespaces.find(ns.registryId(), ns.name())).isEmpty();

        assertThat(browser.get("/teams/" + team.id()).body()).contains("action=\"/teams/" + team.id() + "/delete\"");
        HttpResponse<String> gone = browser.post("/teams/" + team.id() + "/delete", Map.of("_csrf", csrf));
        assertThat(gone.headers().firstValue("Location").orElse("")).endsWith("/teams");
        assertThat(browser.get("/teams").body()).contains("Team " + team.name() + " deleted.");
        assertThat(teams.find(team.id())).isEmpty();
        assertThat(browser.get("/teams/" + team.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void personalNamespacesHaveNoDeleteButton() {
        BrowserClient browser = signedIn(owner);
        Namespace personal = namespaces.find(ns.registryId(), owner.username()).orElseThrow();
        assertThat(browser.get("/namespaces/" + personal.id()).body()).doesNotContain("Delete namespace");
    }

    private User user(String prefix) {
        String name = unique(prefix);
        return users.create(NewUser.regular(name, name + "@example.com", PASSWORD));
    }

    private BrowserClient signedIn(User user) {
        BrowserClient browser = new BrowserClient(port);
        assertThat(browser.signIn(user.username(), PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }
}
