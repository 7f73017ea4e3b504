package io.portus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
import io.portus.storage.Digest;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import io.portus.web.security.BrowserClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tag page over real HTTP, on images pushed to the built-in registry: the config (platform, created,
 * entrypoint, command, environment escaped, labels, ports), layers with the history that made them, an SBOM
 * referring to the image, an index's platforms and one platform's page; a platform that is not the index's, and
 * a tag of another repository, are 404s. Same context as {@code TagsDeletePageTest}.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
class TagPageTest extends DatabaseTest {

    static final String PASSWORD = "password-for-tag-pages";
    static final String SBOM_TYPE = "application/spdx+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired CatalogService catalog;
    @Autowired RegistryService registries;

    @Test
    void aTagShowsItsConfigLayersHistoryReferrersAndPlatforms() throws Exception {
        Registry builtin = Poll.until("built-in registry", () -> registries.builtin().filter(r -> !r.hostname().endsWith(":0")));
        String name = unique("admin");
        User admin = users.create(new NewUser(name, name + "@example.com", PASSWORD, null, true, false));
        String repo = unique("inspect") + "/app";
        TestPusher pusher = new TestPusher("http://127.0.0.1:" + port);
        Map<String, Object> image = image(pusher, repo, "1.0");
        sbomFor(pusher, repo, image);
        TestPusher.Pushed amd = pusher.image(repo, "amd", TestPusher.OCI_MANIFEST, 1, 100);
        TestPusher.Pushed arm = pusher.image(repo, "arm", TestPusher.OCI_MANIFEST, 1, 200);
        pusher.index(repo, "multi", TestPusher.OCI_INDEX, List.of(amd, arm), TestPusher.OCI_MANIFEST);
        RepositoryView view = Poll.until(repo, () -> catalog.find(builtin.id(), repo)
                .filter(r -> catalog.tagsOf(r.id()).size() == 4));

        BrowserClient browser = new BrowserClient(port);
        assertThat(browser.signIn(admin.username(), PASSWORD).statusCode()).isEqualTo(302);
        String tagPath = "/repositories/" + view.id() + "/tags/" + tag(view, "1.0").id();
        assertThat(browser.get("/repositories/" + view.id()).body()).contains("href=\"" + tagPath + "\"");
        String page = browser.get(tagPath).body();
        assertThat(page).contains("linux/arm64", "2026-11-30", "<code>/bin/app --port 5000</code>",
                "<code>serve \"two words\"</code>", "5000/tcp", "GREETING=&lt;b&gt;hi&lt;/b&gt;",
                "org.opencontainers.image.source", "https://example.com/app", "/srv", "ADD file:base in /",
                "ENV GREETING", "no layer", "COPY app /bin/app", "id=\"layers\"", "id=\"referrers\"", SBOM_TYPE,
                ">SBOM<", "docker pull ").doesNotContain("<b>hi</b>", "id=\"tag-problem\"");

        String indexPath = "/repositories/" + view.id() + "/tags/" + tag(view, "multi").id();
        String index = browser.get(indexPath).body();
        assertThat(index).contains("id=\"platforms\"", "linux/amd64", "linux/arm64",
                "href=\"" + indexPath + "?platform=" + arm.digest() + "\"", "id=\"no-referrers\"");
        String platform = browser.get(indexPath + "?platform=" + arm.digest()).body();
        assertThat(platform).contains(arm.digest(), "Platform of", "@" + arm.digest(), "id=\"layers\"");

        assertThat(browser.get(indexPath + "?platform=" + image.get("digest")).statusCode()).isEqualTo(404);
        assertThat(browser.get(indexPath + "?platform=not-a-digest").statusCode()).isEqualTo(404);
        String other = unique("other") + "/app";
        pusher.image(other, "x", TestPusher.OCI_MANIFEST, 1, 100);
        RepositoryView otherView = Poll.until(other, () -> catalog.find(builtin.id(), other)
                .filter(r -> !catalog.tagsOf(r.id()).isEmpty()));
        assertThat(browser.get("/repositories/" + view.id() + "/tags/" + tag(otherView, "x").id()).statusCode())
                .isEqualTo(404);
        BrowserClient anonymous = new BrowserClient(port);
        var refused = anonymous.get(tagPath);
        assertThat(refused.statusCode()).isEqualTo(anonymous.get("/repositories/" + view.id()).statusCode()).isIn(302, 403, 404);
        assertThat(refused.body()).doesNotContain("GREETING");
    }

    /** An image with a full config: two layers, three history steps of which one made no layer. */
    private static Map<String, Object> image(TestPusher pusher, String repo, String tag) {
        String config = """
                {"created":"2026-11-30T10:00:00Z","architecture":"arm64","os":"linux",
                 "config":{"User":"1000","Env":["PATH=/usr/bin","GREETING=<b>hi</b>"],
                   "Entrypoint":["/bin/app","--port","5000"],"Cmd":["serve","two words"],
                   "ExposedPorts":{"5000/tcp":{}},"WorkingDir":"/srv",
                   "Labels":{"org.opencontainers.image.source":"https://example.com/app"}},
                 "rootfs":{"type":"layers","diff_ids":[]},
                 "history":[{"created":"2026-11-30T09:00:00Z","created_by":"ADD file:base in /"},
                   {"created":"2026-11-30T09:30:00Z","created_by":"ENV GREETING=<b>hi</b>","empty_layer":true},
                   {"created":"2026-11-30T10:00:00Z","created_by":"COPY app /bin/app"}]}""";
        Map<String, Object> manifest = Map.of("schemaVersion", 2, "mediaType", TestPusher.OCI_MANIFEST,
                "config", pusher.blob(repo, config.getBytes(StandardCharsets.UTF_8), "application/vnd.oci.image.config.v1+json"),
                "layers", List.of(pusher.blob(repo, "base layer".getBytes(StandardCharsets.UTF_8), "application/vnd.oci.image.layer.v1.tar+gzip"),
                        pusher.blob(repo, "app layer".getBytes(StandardCharsets.UTF_8), "application/vnd.oci.image.layer.v1.tar+gzip")));
        byte[] bytes = JSON.writeValueAsBytes(manifest);
        String digest = pusher.putManifest(repo, tag, TestPusher.OCI_MANIFEST, bytes);
        return Map.of("mediaType", TestPusher.OCI_MANIFEST, "digest", digest, "size", bytes.length);
    }

    /** An SPDX SBOM artifact whose subject is {@code subject}, pushed by digest as ORAS does. */
    static void sbomFor(TestPusher pusher, String repo, Map<String, Object> subject) {
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> manifest = Map.of("schemaVersion", 2, "mediaType", TestPusher.OCI_MANIFEST,
                "artifactType", SBOM_TYPE,
                "config", pusher.blob(repo, empty, "application/vnd.oci.empty.v1+json"),
                "layers", List.of(pusher.blob(repo, "{\"spdxVersion\":\"SPDX-2.3\"}".getBytes(StandardCharsets.UTF_8), SBOM_TYPE)),
                "subject", subject);
        byte[] bytes = JSON.writeValueAsBytes(manifest);
        pusher.putManifest(repo, Digest.sha256(bytes).toString(), TestPusher.OCI_MANIFEST, bytes);
    }

    private TagView tag(RepositoryView repo, String name) {
        return catalog.tagsOf(repo.id()).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
