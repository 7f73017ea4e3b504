package io.portus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
import io.portus.webhook.Webhook;
import io.portus.webhook.WebhookInput;
import io.portus.webhook.WebhookService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Editing a webhook on its page over real HTTP: the owner changes name, URL, method, content type and basic auth
 * (an empty password keeps it, the box removes it); a bad URL is refused with nothing changed; a viewer sees no
 * form and a forged one is refused. Same context as {@code DeletePagesTest}.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
class WebhookPagesTest extends DatabaseTest {

    static final String PASSWORD = "password-for-webhook-pages";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired TeamService teams;
    @Autowired NamespaceService namespaces;
    @Autowired WebhookService webhooks;

    User owner;
    User viewer;
    Namespace ns;
    Webhook hook;
    String path;

    @BeforeEach
    void setUp() {
        owner = user("owner");
        viewer = user("viewer");
        Team team = teams.create(owner, unique("team"), null, null);
        teams.addMember(owner, team.id(), viewer.username(), Role.VIEWER);
        ns = namespaces.create(owner, unique("ns"), team.name(), null, null);
        hook = webhooks.create(owner, ns.id(), new WebhookInput("ci", "http://ci.example.com/hook", "POST",
                "application/json", "robot", "s3cret", null));
        path = "/namespaces/" + ns.id() + "/webhooks/" + hook.id();
    }

    @Test
    void theOwnerEditsTheSettings() {
        BrowserClient browser = signedIn(owner);
        assertThat(browser.get(path).body()).contains("id=\"edit-webhook\"", "value=\"http://ci.example.com/hook\"",
                "Password set: empty keeps it").doesNotContain("s3cret");
        String csrf = browser.csrf(path);
        Map<String, String> form = new HashMap<>(Map.of("_csrf", csrf, "name", "deploy", "url", "https://deploy.example.com/x",
                "method", "GET", "contentType", "application/x-www-form-urlencoded", "username", "robot", "password", ""));
        assertThat(browser.post(path, form).statusCode()).isEqualTo(302);
        Webhook saved = webhooks.get(owner, ns.id(), hook.id());
        assertThat(saved.name()).isEqualTo("deploy");
        assertThat(saved.url()).isEqualTo("https://deploy.example.com/x");
        assertThat(saved.requestMethod()).isEqualTo("GET");
        assertThat(saved.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(saved.hasPassword()).as("an empty password keeps it").isTrue();

        form.put("clear_password", "true");
        form.put("username", "");
        assertThat(browser.post(path, form).statusCode()).isEqualTo(302);
        saved = webhooks.get(owner, ns.id(), hook.id());
        assertThat(saved.hasPassword()).isFalse();
        assertThat(saved.username()).isNull();

        form.put("url", "ftp://nope");
        assertThat(browser.post(path, form).statusCode()).isBetween(300, 499);
        assertThat(webhooks.get(owner, ns.id(), hook.id()).url()).isEqualTo("https://deploy.example.com/x");
    }

    @Test
    void aViewerSeesNoFormAndAForgedOneIsRefused() {
        BrowserClient browser = signedIn(viewer);
        assertThat(browser.get(path).body()).doesNotContain("id=\"edit-webhook\"");
        String csrf = browser.csrf(path);
        assertThat(browser.post(path, Map.of("_csrf", csrf, "name", "taken", "url", "http://evil.example.com"))
                .statusCode()).isEqualTo(403);
        assertThat(webhooks.get(owner, ns.id(), hook.id()).name()).isEqualTo("ci");
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
