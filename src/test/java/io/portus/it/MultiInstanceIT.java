package io.portus.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances behave as one (issue #10, docs/deployment.md): A and B on one PostgreSQL database and one
 * storage, behind HAProxy with the documented configuration ({@link MultiInstances}). Real clients: skopeo
 * logs in and pushes through A and pulls through B; one upload session goes POST A, PATCH B, PUT A; a UI session
 * and a lockout started on A hold on B; pushes through the balancer become one repository, one activity and one
 * notification and one webhook delivery each; start-up sync, upload purge and mails run once; a kill -9 of A
 * right after it acknowledged a push and a mail request loses neither (B, which holds the job leases, applies
 * the event, notifies and sends the mail); a kill -9 of B in the middle of a notification burst loses nothing
 * either (A takes the leases over when they expire, 30 s). The HAProxy configuration is docs/deployment/haproxy.cfg, which docs/deployment.md shows verbatim.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {

    static final String PASSWORD = "multi-instance-password";

    GreenMail mail;
    EventReceiver receiver;
    int receiverPort;
    HookReceiver hooks;
    MultiInstances cluster;
    CatalogApi api;
    Skopeo skopeo;
    TestImages images;
    String abandonedUpload;

    @BeforeAll
    void start() throws IOException {
        images = TestImages.get("busybox");
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        receiverPort = FreePorts.next();
        receiver = new EventReceiver(receiverPort);
        hooks = new HookReceiver();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORTUS_EMAIL_SMTP_ENABLED", "true");
        env.put("PORTUS_EMAIL_SMTP_ADDRESS", "127.0.0.1");
        env.put("PORTUS_EMAIL_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
        env.put("ENDPOINT_NAME", "multi-receiver");
        env.put("ENDPOINT_URL", "http://127.0.0.1:" + receiverPort + "/events");
        env.put("ENDPOINT_BACKOFF", "300ms");
        env.put("PORTUS_REGISTRY_UPLOADS_PURGEAGE", "10s");
        env.put("PORTUS_REGISTRY_UPLOADS_PURGEINTERVAL", "1s");
        cluster = new MultiInstances(env);
        api = new CatalogApi(cluster.balancer().toString());
        api.bootstrap("admin", PASSWORD);
        skopeo = new Skopeo(ItPaths.newWorkDir("multi-instance-skopeo")).withCreds("admin:" + PASSWORD);
        BearerRegistry admin = BearerRegistry.login(cluster.a.baseUri(), cluster.service(), "admin", PASSWORD, "admin/abandoned");
        abandonedUpload = BearerRegistry.expect(admin.call(cluster.a.baseUri(), "POST", "/v2/admin/abandoned/blobs/uploads/",
                null), 202).headers().firstValue("Location").orElseThrow();
    }

    @AfterAll
    void stop() {
        Closer.closeAll(cluster, receiver, hooks, mail::stop);
    }

    String on(ServerProcess instance, String ref) {
        return "docker://" + instance.hostPort() + "/" + ref;
    }

    @Test
    @Order(0)
    void theDocumentedBalancerConfigurationIsTheOneRunHere() throws IOException {
        Path docs = ItPaths.target().getParent().resolve("docs");
        assertThat(Files.readString(docs.resolve("deployment.md")))
                .contains(Files.readString(docs.resolve("deployment/haproxy.cfg")).strip());
    }

    @Test
    @Order(1)
    void loginAndPushThroughAPullThroughB() throws IOException {
        String pushed = skopeo.copy(images.ref("busybox"), on(cluster.a, "admin/busybox:1"));
        assertThat(skopeo.inspectDigest(on(cluster.b, "admin/busybox:1"))).isEqualTo(pushed);
        Path pulled = ItPaths.newWorkDir("multi-instance-pull").resolve("busybox");
        skopeo.copy(on(cluster.b, "admin/busybox:1"), "oci:" + pulled + ":1");
        assertThat(Files.readString(pulled.resolve("index.json"))).as("pulled through B: the same manifest").contains(pushed);
    }

    @Test
    @Order(2)
    void oneUploadSessionPostOnAPatchOnBPutOnA() {
        URI a = cluster.a.baseUri();
        URI b = cluster.b.baseUri();
        BearerRegistry registry = BearerRegistry.login(a, cluster.service(), "admin", PASSWORD, "admin/split");
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new java.util.SplittableRandom(10).nextBytes(data);
        int half = data.length / 2;
        String location = BearerRegistry.expect(registry.call(a, "POST", "/v2/admin/split/blobs/uploads/", null), 202)
                .headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> patch = BearerRegistry.expect(registry.call(b, "PATCH", location,
                Arrays.copyOfRange(data, 0, half), "Content-Type", "application/octet-stream",
                "Content-Range", "0-" + (half - 1)), 202);
        assertThat(patch.headers().firstValue("Range")).contains("0-" + (half - 1));
        String digest = Digests.sha256(data);
        String next = patch.headers().firstValue("Location").orElse(location);
        HttpResponse<byte[]> put = BearerRegistry.expect(registry.call(a, "PUT", RegistryHttp.withDigest(next, digest),
                Arrays.copyOfRange(data, half, data.length), "Content-Type", "application/octet-stream"), 201);
        assertThat(put.headers().firstValue("Docker-Content-Digest")).contains(digest);
        assertThat(registry.blob(b, "/v2/admin/split/blobs/" + digest)).isEqualTo(data);
    }

    @Test
    @Order(3)
    void aUiSessionAndALockoutStartedOnAHoldOnB() {
        CookieBrowser browser = new CookieBrowser();
        URI a = cluster.a.baseUri();
        URI b = cluster.b.baseUri();
        assertThat(browser.get(b.resolve("/dashboard")).redirect()).as("not signed in yet").isTrue();
        CookieBrowser.Page form = browser.get(a.resolve("/users/sign_in"));
        Map<String, String> fields = new LinkedHashMap<>(CookieBrowser.hidden(form.body()));
        fields.put("username", "admin");
        fields.put("password", PASSWORD);
        CookieBrowser.Page signedIn = browser.post(a.resolve("/users/sign_in"), fields);
        assertThat(signedIn.location()).doesNotContain("error");
        CookieBrowser.Page onB = browser.get(b.resolve("/dashboard"));
        assertThat(onB.status()).as("the session made on A is known to B").isEqualTo(200);
        assertThat(onB.body()).contains("admin");

        api.createUser("locky", PASSWORD, false);
        assertThat(BearerRegistry.tokenStatus(b, cluster.service(), "locky", PASSWORD)).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(BearerRegistry.tokenStatus(a, cluster.service(), "locky", "wrong-" + i)).isEqualTo(401);
        }
        assertThat(BearerRegistry.tokenStatus(b, cluster.service(), "locky", PASSWORD))
                .as("locked on A, so locked on B").isEqualTo(401);
    }

    @Test
    @Order(4)
    void pushesThroughTheBalancerBecomeOneRepositoryOneActivityOneNotificationAndOneWebhookDeliveryEach() {
        String lb = cluster.service();
        long namespace = 0;
        for (JsonNode ns : api.send("GET", "/api/v1/namespaces?all=true", api.admin, null).json()) {
            namespace = "admin".equals(ns.path("name").asString()) ? ns.path("id").asLong() : namespace;
        }
        CatalogApi.check(api.send("POST", "/api/v1/namespaces/" + namespace + "/webhooks", api.admin, Map.of("webhook",
                Map.of("name", "multi-hook", "url", hooks.url(), "request_method", "POST",
                        "content_type", "application/json", "enabled", true))), 201, 200);
        List<String> tags = List.of("1", "2", "3", "4");
        for (String tag : tags) {
            skopeo.copy(images.ref("busybox"), "docker://" + lb + "/admin/balanced:" + tag);
        }
        assertThat(skopeo.listTags("docker://" + lb + "/admin/balanced")).containsAll(tags);
        api.awaitRepository("admin/balanced", t -> CatalogApi.names(t).containsAll(tags));
        assertThat(count("SELECT COUNT(*) FROM repositories WHERE name = ?", "balanced")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM tags t JOIN repositories r ON r.id = t.repository_id WHERE r.name = ?",
                "balanced")).isEqualTo(tags.size());
        assertThat(count("SELECT COUNT(*) FROM activities WHERE activity_key = ? AND trackable_name LIKE ?",
                "repository.push", "%balanced%")).isEqualTo(tags.size());
        for (String tag : tags) {
            await("a notification of admin/balanced:" + tag, () -> pushNotifications("admin/balanced", tag) >= 1);
        }
        await("every notification delivered", () -> count("SELECT COUNT(*) FROM notification_outbox") == 0);
        await("every webhook delivery answered", () -> count("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 200")
                == tags.size());
        for (String tag : tags) {
            assertThat(pushNotifications("admin/balanced", tag)).as("tag %s notified once", tag).isEqualTo(1);
            assertThat(hooks.pushes("admin/balanced", tag)).as("tag %s delivered to the webhook once", tag).isEqualTo(1);
        }
        assertThat(cluster.logCount("sync of registry built-in done")).as("the start-up sync ran on B only").isEqualTo(1);
    }

    @Test
    @Order(5)
    void mailsAskedOnEitherInstanceGoOutOnce() throws Exception {
        int before = mail.getReceivedMessages().length;
        List<String> people = List.of("mail-a", "mail-b", "mail-lb");
        for (String name : people) {
            api.createUser(name, PASSWORD, false);
        }
        askReset(cluster.a.baseUri(), "mail-a");
        askReset(cluster.b.baseUri(), "mail-b");
        askReset(cluster.balancer(), "mail-lb");
        assertThat(mail.waitForIncomingEmail(60_000, before + people.size())).isTrue();
        await("the mail outbox empty", () -> count("SELECT COUNT(*) FROM mail_outbox") == 0);
        assertThat(Arrays.stream(mail.getReceivedMessages()).skip(before).map(MultiInstanceIT::recipient))
                .containsExactlyInAnyOrder("mail-a@example.com", "mail-b@example.com", "mail-lb@example.com");
    }

    @Test
    @Order(6)
    void abandonedUploadsArePurgedOnceThoughBothInstancesRunThePurge() {
        BearerRegistry registry = BearerRegistry.login(cluster.b.baseUri(), cluster.service(), "admin", PASSWORD, "admin/abandoned");
        await("the abandoned upload purged", () -> registry.call(cluster.b.baseUri(), "GET", abandonedUpload, null).statusCode() == 404);
        assertThat(cluster.logCount("purged 1 upload sessions")).as("one instance purged it").isEqualTo(1);
        assertThat(cluster.logCount("purged 2 upload sessions")).isZero();
    }

    @Test
    @Order(7)
    void aKillOfARightAfterItAcknowledgedLosesNothing() throws Exception {
        URI a = cluster.a.baseUri();
        api.createUser("mail-killed", PASSWORD, false);
        int mailsBefore = mail.getReceivedMessages().length;
        BearerRegistry registry = BearerRegistry.login(a, cluster.service(), "admin", PASSWORD, "admin/killed");
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] layer = "multi-instance kill test layer".getBytes(StandardCharsets.UTF_8);
        String configDigest = registry.pushBlob(a, "admin/killed", config);
        String layerDigest = registry.pushBlob(a, "admin/killed", layer);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                + "\"digest\":\"" + layerDigest + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        askReset(a, "mail-killed");
        BearerRegistry.expect(registry.call(a, "PUT", "/v2/admin/killed/manifests/1", manifest,
                "Content-Type", "application/vnd.oci.image.manifest.v1+json"), 201);
        cluster.a.kill9();

        CatalogApi viaB = new CatalogApi(cluster.b.baseUri().toString());
        viaB.admin = api.admin;
        JsonNode tag = CatalogApi.tag(viaB.awaitRepository("admin/killed", t -> CatalogApi.tag(t, "1") != null), "1");
        assertThat(tag.path("digest").asString()).isEqualTo(Digests.sha256(manifest));
        await("the killed push notified", () -> pushNotifications("admin/killed", "1") >= 1);
        assertThat(mail.waitForIncomingEmail(90_000, mailsBefore + 1)).as("B sends the mail A accepted").isTrue();
        assertThat(recipient(mail.getReceivedMessages()[mailsBefore])).isEqualTo("mail-killed@example.com");
        await("B logged sending it", () -> cluster.logCount("multi-b", "sent to mail-killed@example.com") == 1);
        assertThat(cluster.logCount("multi-a", "sent to mail-killed@example.com")).as("sent from the outbox by B, not A").isZero();
        assertThat(skopeo.inspectDigest("docker://" + cluster.service() + "/admin/busybox:1"))
                .as("the balancer sends everything to B now").startsWith("sha256:");
        await("nothing left behind", () -> count("SELECT COUNT(*) FROM notification_outbox") == 0
                && count("SELECT COUNT(*) FROM mail_outbox") == 0);
        assertThat(pushNotifications("admin/killed", "1")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM registry_events WHERE repository = ? AND status = 0", "admin/killed")).isEqualTo(1);
    }

    @Test
    @Order(8)
    void aKillOfTheJobHolderInTheMiddleOfADeliveryBurstLosesNothing() throws IOException {
        cluster.a.restart();
        receiver.close();
        BearerRegistry registry = BearerRegistry.login(cluster.a.baseUri(), cluster.service(), "admin", PASSWORD, "admin/burst");
        byte[] configBytes = "{\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        String config = registry.pushBlob(cluster.a.baseUri(), "admin/burst", configBytes);
        List<String> tags = List.of("1", "2", "3", "4", "5");
        for (String tag : tags) {
            byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + config
                    + "\",\"size\":" + configBytes.length + "},\"layers\":[],\"annotations\":{\"tag\":\"" + tag + "\"}}").getBytes(StandardCharsets.UTF_8);
            BearerRegistry.expect(registry.call(cluster.a.baseUri(), "PUT", "/v2/admin/burst/manifests/" + tag, manifest,
                    "Content-Type", "application/vnd.oci.image.manifest.v1+json"), 201);
        }
        await("B trying to deliver to the receiver that is down", () ->
                count("SELECT COUNT(*) FROM notification_outbox WHERE attempts > 0") > 0);
        cluster.b.kill9();
        receiver = new EventReceiver(receiverPort);
        for (String tag : tags) {
            await("A took over and notified admin/burst:" + tag, () -> pushNotifications("admin/burst", tag) >= 1);
        }
        api.awaitRepository("admin/burst", t -> CatalogApi.names(t).containsAll(tags));
        await("the outbox empty", () -> count("SELECT COUNT(*) FROM notification_outbox") == 0);
        assertThat(count("SELECT COUNT(*) FROM registry_events WHERE repository = ? AND status = 0", "admin/burst"))
                .isEqualTo(tags.size());
    }

    void askReset(URI base, String username) {
        CookieBrowser browser = new CookieBrowser();
        Map<String, String> fields = new LinkedHashMap<>(CookieBrowser.hidden(browser.get(base.resolve("/users/password/new")).body()));
        fields.put("email", username + "@example.com");
        CookieBrowser.Page asked = browser.post(base.resolve("/users/password"), fields);
        assertThat(asked.location()).as("reset asked on %s", base).endsWith("/users/password/sent");
    }

    static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    long pushNotifications(String repository, String tag) {
        return receiver.events().stream().filter(e -> "push".equals(e.path("action").asString())
                && repository.equals(e.path("target").path("repository").asString())
                && tag.equals(e.path("target").path("tag").asString())).map(e -> e.path("id").asString()).count();
    }

    long count(String sql, Object... params) {
        return cluster.count(sql, params);
    }

    static void await(String what, BooleanSupplier condition) {
        MultiInstances.await(what, condition);
    }
}
