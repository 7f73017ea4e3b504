package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.portus.support.TestDatabases;
import io.portus.support.TestDatabases.Vendor;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The catalog of an external CNCF distribution 2.8 (Debian {@code docker-registry}) trusting our tokens and
 * sending its notifications to {@code /v2/webhooks/events} with a shared secret; our jar on PostgreSQL
 * reached through a loopback TCP proxy that the test cuts to take the database away. Pushes of a single
 * image, an OCI index and a Docker manifest list appear with size and author; a forged event changes
 * nothing; events sent while the database is away are applied once it is back (we answer 503,
 * distribution retries); a kill -9 loses nothing; deletes go to the registry as {@code portus}; the sync
 * fills the catalog from a registry filled beforehand and keeps a repository whose tag listing fails; the tag page
 * reads the config over HTTP and an SBOM from the OCI fallback tag (distribution 2.8 has no referrers API).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogExternalIT {

    static final String PASSWORD = "catalog-ext-password";
    static final String SECRET = "events-" + UUID.randomUUID();

    TestImages images;
    Path work;
    String database;
    TcpProxy db;
    PortusProcess portus;
    DistributionProcess dist;
    CatalogApi api;
    Skopeo skopeo;

    @BeforeAll
    void start() throws Exception {
        images = TestImages.get("busybox", "multiarch", "multiarch-docker");
        work = ItPaths.newWorkDir("catalog-ext");
        database = "portus_catalog_it_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        admin("CREATE DATABASE " + database);
        TestDatabases.Server postgresql = TestDatabases.server(Vendor.POSTGRESQL);
        db = new TcpProxy(postgresql.host(), postgresql.port());
        TokenAuthPair pair = TokenAuthPair.start(work, "catalog-ext", PASSWORD, SECRET, b -> b
                .env("PORTUS_DB_ADAPTER", "postgresql")
                .env("PORTUS_DB_HOST", "127.0.0.1")
                .env("PORTUS_DB_PORT", Integer.toString(db.port()))
                .env("PORTUS_DB_DATABASE", database)
                .env("PORTUS_DB_USERNAME", "postgres")
                .env("PORTUS_DB_TIMEOUT", "2000"));
        portus = pair.portus();
        dist = pair.dist();
        api = pair.api();
        skopeo = pair.skopeo();
    }

    @AfterAll
    void stop() {
        if (dist != null) {
            dist.close();
        }
        if (portus != null) {
            portus.close();
        }
        if (db != null) {
            db.close();
        }
        try {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException | RuntimeException ignored) {
            // left behind; nothing depends on it
        }
    }

    static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.url(Vendor.POSTGRESQL, "postgres"), "postgres", "")) {
            c.createStatement().execute(sql);
        }
    }

    String dest(String ref) {
        return "docker://" + dist.hostPort() + "/" + ref;
    }

    JsonNode awaitTag(String repo, String tag) {
        return CatalogApi.tag(api.awaitRepository(repo, t -> CatalogApi.tag(t, tag) != null), tag);
    }

    @Test
    @Order(1)
    void pushesThroughDistributionAppearWithSizeAndAuthor() {
        String single = skopeo.copy(images.ref("busybox"), dest("team/busybox:1.0"));
        String oci = skopeo.copy(images.ref("multiarch"), dest("team/multi:oci"), "--all");
        String docker = skopeo.copy(images.ref("multiarch-docker"), dest("team/multi:docker"), "--all");
        JsonNode busybox = awaitTag("team/busybox", "1.0");
        assertThat(busybox.path("digest").asString()).isEqualTo(single);
        assertThat(busybox.path("size").asLong()).isEqualTo(ImageSizes.ofOci(images.path("busybox")).total());
        assertThat(busybox.path("author").path("name").asString()).isEqualTo("admin");
        JsonNode ociTag = awaitTag("team/multi", "oci");
        assertThat(ociTag.path("digest").asString()).isEqualTo(oci);
        assertThat(ociTag.path("size").asLong()).isEqualTo(ImageSizes.ofOci(images.path("multiarch")).total());
        assertThat(ociTag.path("platforms").size()).isEqualTo(3);
        JsonNode dockerTag = awaitTag("team/multi", "docker");
        assertThat(dockerTag.path("digest").asString()).isEqualTo(docker);
        assertThat(dockerTag.path("size").asLong()).isEqualTo(ImageSizes.ofDir(images.path("multiarch-docker")).total());
        assertThat(dockerTag.path("platforms").valueStream().map(p -> p.path("size").asLong()).toList())
                .isEqualTo(ImageSizes.ofDir(images.path("multiarch-docker")).children());
    }

    @Test
    @Order(2)
    void forgedEventsChangeNothingAndNeedTheSecret() {
        String forged = "{\"events\":[{\"id\":\"" + UUID.randomUUID() + "\",\"action\":\"push\",\"target\":{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:" + "ab".repeat(32) + "\","
                + "\"repository\":\"team/forged\",\"tag\":\"evil\"},\"request\":{\"host\":\"" + dist.hostPort() + "\"},"
                + "\"actor\":{\"name\":\"admin\"}},{\"id\":\"" + UUID.randomUUID() + "\",\"action\":\"delete\",\"target\":{"
                + "\"digest\":\"" + CatalogApi.tag(api.awaitRepository("team/busybox", t -> true), "1.0").path("digest").asString()
                + "\",\"repository\":\"team/busybox\"},\"request\":{\"host\":\"" + dist.hostPort() + "\"}}]}";
        assertThat(post(forged, null).status()).isEqualTo(401);
        assertThat(post(forged, "Bearer " + SECRET).status()).isEqualTo(202);
        skopeo.copy(images.ref("busybox"), dest("team/marker:1"));
        awaitTag("team/marker", "1");
        assertThat(api.repository("team/forged")).isEmpty();
        assertThat(CatalogApi.tag(api.awaitRepository("team/busybox", t -> true), "1.0")).isNotNull();
    }

    @Test
    @Order(3)
    void eventsSentWhileTheDatabaseIsAwayAreAppliedWhenItIsBack() throws Exception {
        skopeo.copy(images.ref("busybox"), dest("team/source:latest-mount-source"), "--format", "v2s2");
        String token = Json.parse(new PortusApi(portus.baseUri().toString()).token("admin", PASSWORD, dist.hostPort(),
                "repository:team/dbdown:push,pull", "repository:team/source:pull").body()).path("token").asString();
        db.close();
        String digest = MountPush.push(dist.baseUri().toString(), token, "team/source", "team/dbdown", "1");
        ServerProcess.sleep(4000);
        assertThat(portus.logTail(400)).contains("registry events not stored");
        db.open();
        JsonNode tag = awaitTag("team/dbdown", "1");
        assertThat(tag.path("digest").asString()).isEqualTo(digest);
        assertThat(tag.path("author").path("name").asString()).isEqualTo("admin");
    }

    @Test
    @Order(4)
    void aKillInTheMiddleLosesNothing() {
        String digest = skopeo.copy(images.ref("busybox"), dest("team/killed:1"), "--format", "v2s2");
        portus.kill9();
        portus.restart();
        JsonNode tag = CatalogApi.tag(api.awaitRepository("team/killed",
                t -> CatalogApi.tag(t, "1") != null && "admin".equals(CatalogApi.tag(t, "1").path("author").path("name").asString())), "1");
        assertThat(tag.path("digest").asString()).isEqualTo(digest);
    }

    @Test
    @Order(5)
    void deletesGoToTheRegistryAsPortusWithThePermissionChecks() {
        String bot = api.createUser("extbot", PASSWORD, true);
        JsonNode multi = api.awaitRepository("team/multi", t -> true);
        long ociId = CatalogApi.tag(multi, "oci").path("id").asLong();
        assertThat(api.send("DELETE", "/api/v1/tags/" + ociId, bot, null).status()).isIn(403, 404);
        assertThat(api.send("DELETE", "/api/v1/tags/" + ociId, api.admin, null).status()).isEqualTo(204);
        assertThat(skopeo.run(List.of("inspect", "--tls-verify=false", "--creds", "admin:" + PASSWORD, "--raw",
                dest("team/multi:oci"))).ok()).isFalse();
        assertThat(CatalogApi.names(api.awaitRepository("team/multi", t -> CatalogApi.tag(t, "oci") == null)))
                .containsExactly("docker");
        long repo = api.repository("team/multi").orElseThrow().path("id").asLong();
        assertThat(api.send("DELETE", "/api/v1/repositories/" + repo, bot, null).status()).isIn(403, 404);
        assertThat(api.send("DELETE", "/api/v1/repositories/" + repo, api.admin, null).status()).isEqualTo(204);
        assertThat(skopeo.run(List.of("inspect", "--tls-verify=false", "--creds", "admin:" + PASSWORD, "--raw",
                dest("team/multi:docker"))).ok()).isFalse();
        assertThat(api.repository("team/multi")).isEmpty();
        assertThat(api.repository("team/busybox")).isPresent();
    }

    @Test
    @Order(6)
    void syncFillsFromARegistryFilledBeforeAndKeepsWhatCannotBeListed() throws Exception {
        try (DistributionProcess filled = DistributionProcess.builder("catalog-ext-filled", work.resolve("filled")).start();
             FailingHttpProxy proxy = new FailingHttpProxy(filled.baseUri().toString())) {
            Skopeo plain = new Skopeo(work.resolve("skopeo-plain"));
            String filledHost = "docker://" + filled.hostPort() + "/";
            plain.copy(images.ref("busybox"), filledHost + "pre/a:1");
            plain.copy(images.ref("busybox"), filledHost + "pre/b:1", "--format", "v2s2");
            plain.copy(images.ref("busybox"), filledHost + "fail/c:1", "--format", "v2s2");
            api.registerRegistry("filled", proxy.hostPort());
            CatalogApi.check(api.send("POST", "/api/v1/catalog/sync", api.admin, null), 200);
            for (String repo : List.of("pre/a", "pre/b", "fail/c")) {
                JsonNode tag = CatalogApi.tag(api.awaitRepository(repo, t -> true), "1");
                assertThat(tag.path("author").path("name").asString()).isEqualTo("portus");
            }
            proxy.fail("/v2/fail/c/tags/list");
            plain.delete(filledHost + "pre/b:1");
            plain.delete(filledHost + "fail/c:1");
            JsonNode reports = CatalogApi.check(api.send("POST", "/api/v1/catalog/sync", api.admin, null), 200).json();
            assertThat(reports.toString()).contains("fail/c");
            assertThat(api.repository("pre/b")).isEmpty();
            assertThat(api.repository("fail/c")).isPresent();
            assertThat(api.repository("pre/a")).isPresent();
        }
    }

    @Test
    @Order(7)
    void theTagPageReadsTheConfigOverHttpAndReferrersFromTheFallbackTag() {
        JsonNode busybox = awaitTag("team/busybox", "1.0");
        String subject = busybox.path("digest").asString();
        BearerRegistry registry = BearerRegistry.login(portus.baseUri(), dist.hostPort(), "admin", PASSWORD, "team/busybox");
        java.net.URI base = dist.baseUri();
        byte[] empty = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sbom = "{\"spdxVersion\":\"SPDX-2.3\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sbomType = "application/spdx+json";
        byte[] referrer = Json.bytes(Map.of("schemaVersion", 2, "mediaType", "application/vnd.oci.image.manifest.v1+json",
                "artifactType", sbomType,
                "config", Map.of("mediaType", "application/vnd.oci.empty.v1+json", "digest",
                        registry.pushBlob(base, "team/busybox", empty), "size", empty.length),
                "layers", List.of(Map.of("mediaType", sbomType, "digest", registry.pushBlob(base, "team/busybox", sbom),
                        "size", sbom.length)),
                "subject", Map.of("mediaType", "application/vnd.oci.image.manifest.v1+json", "digest", subject,
                        "size", busybox.path("size").asLong())));
        String referrerDigest = Digests.sha256(referrer);
        BearerRegistry.expect(registry.call(base, "PUT", "/v2/team/busybox/manifests/" + referrerDigest, referrer,
                "Content-Type", "application/vnd.oci.image.manifest.v1+json"), 201);
        byte[] fallback = Json.bytes(Map.of("schemaVersion", 2, "mediaType", "application/vnd.oci.image.index.v1+json",
                "manifests", List.of(Map.of("mediaType", "application/vnd.oci.image.manifest.v1+json",
                        "digest", referrerDigest, "size", referrer.length, "artifactType", sbomType))));
        BearerRegistry.expect(registry.call(base, "PUT", "/v2/team/busybox/manifests/" + subject.replace(':', '-'),
                fallback, "Content-Type", "application/vnd.oci.image.index.v1+json"), 201);

        CookieBrowser browser = new CookieBrowser();
        java.net.URI ui = portus.baseUri();
        Map<String, String> fields = new java.util.LinkedHashMap<>(CookieBrowser.hidden(
                browser.get(ui.resolve("/users/sign_in")).body()));
        fields.put("username", "admin");
        fields.put("password", PASSWORD);
        assertThat(browser.post(ui.resolve("/users/sign_in"), fields).location()).doesNotContain("error");
        long repo = api.repository("team/busybox").orElseThrow().path("id").asLong();
        CookieBrowser.Page page = browser.get(ui.resolve("/repositories/" + repo + "/tags/" + busybox.path("id").asLong()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"image-config\"", "<code>sh</code>", "ImageMaker", "id=\"layers\"",
                "id=\"referrers\"", sbomType, referrerDigest.substring(0, 19)).doesNotContain("id=\"tag-problem\"");
    }

    CatalogApi.Answer post(String body, String authorization) {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(portus.baseUri() + "/v2/webhooks/events"))
                .header("Content-Type", "application/vnd.docker.distribution.events.v1+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            var r = Http.client(false).send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new CatalogApi.Answer(r.statusCode(), r.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
