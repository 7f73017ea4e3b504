package io.portus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.catalog.CatalogService;
import io.portus.catalog.Poll;
import io.portus.catalog.RepositoryView;
import io.portus.catalog.TagView;
import io.portus.catalog.TestPusher;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import io.portus.web.security.BrowserClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Deleting several tags at once from the repository page over real HTTP: the selected rows go (with the tags that
 * share their image), the others stay; nothing selected says so; a tag of another repository is refused before
 * anything is deleted. Same context as {@code DeletePagesTest}.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
class TagsDeletePageTest extends DatabaseTest {

    static final String PASSWORD = "password-for-tag-deletes";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired CatalogService catalog;
    @Autowired RegistryService registries;

    @Test
    void theSelectedTagsGoTogetherAndTheOthersStay() throws Exception {
        Registry builtin = Poll.until("built-in registry", () -> registries.builtin().filter(r -> !r.hostname().endsWith(":0")));
        String name = unique("admin");
        User admin = users.create(new NewUser(name, name + "@example.com", PASSWORD, null, true, false));
        String repo = unique("multi") + "/app";
        TestPusher pusher = new TestPusher("http://127.0.0.1:" + port);
        for (String tag : new String[] {"1", "2", "3"}) {
            pusher.image(repo, tag, TestPusher.OCI_MANIFEST, 1, 100);
        }
        RepositoryView view = Poll.until(repo, () -> catalog.find(builtin.id(), repo)
                .filter(r -> catalog.tagsOf(r.id()).size() == 3));
        long one = tag(view, "1").id();
        long two = tag(view, "2").id();
        String other = unique("other") + "/app";
        pusher.image(other, "x", TestPusher.OCI_MANIFEST, 1, 100);
        RepositoryView otherView = Poll.until(other, () -> catalog.find(builtin.id(), other)
                .filter(r -> !catalog.tagsOf(r.id()).isEmpty()));
        long foreign = tag(otherView, "x").id();

        BrowserClient browser = new BrowserClient(port);
        assertThat(browser.signIn(admin.username(), PASSWORD).statusCode()).isEqualTo(302);
        String page = "/repositories/" + view.id();
        assertThat(browser.get(page).body()).contains("id=\"delete-tags\"", "class=\"form-check-input select-tags\"");
        String csrf = browser.csrf(page);

        assertThat(post(browser, page, "_csrf=" + enc(csrf) + "&tag=" + one + "&tag=" + foreign)).isEqualTo(404);
        assertThat(catalog.tagsOf(view.id())).hasSize(3);
        assertThat(catalog.tagsOf(otherView.id())).hasSize(1);

        assertThat(post(browser, page, "_csrf=" + enc(csrf))).isEqualTo(302);
        assertThat(catalog.tagsOf(view.id())).hasSize(3);
        assertThat(browser.get(page).body()).contains("Select the tags to delete first.");

        assertThat(post(browser, page, "_csrf=" + enc(csrf) + "&tag=" + one + "&tag=" + two)).isEqualTo(302);
        assertThat(catalog.tagsOf(view.id())).extracting(TagView::name).containsExactly("3");
        assertThat(browser.get(page).body()).contains("Deleted " + repo + ":1, 2");
    }

    private int post(BrowserClient browser, String page, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page + "/tags/delete"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", "http://127.0.0.1:" + port + page)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()).statusCode();
    }

    private TagView tag(RepositoryView repo, String name) {
        return catalog.tagsOf(repo.id()).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
