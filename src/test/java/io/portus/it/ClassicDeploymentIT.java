package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classic Portus deployment end to end (issue #3): our jar started with the classic environment
 * variables and serving HTTPS with the one certificate, CNCF distribution 2.8 trusting its tokens, and the
 * same flows through our built-in registry: log in, push {@code <user>/busybox:latest}, pull it back with
 * identical digests, and every refusal (other user's namespace, anonymous on private, disabled user, a token
 * for another repository, forged tokens).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassicDeploymentIT {

    static final String PASSWORD = "s3cret-password";
    static final String MANIFEST_ACCEPT = "application/vnd.oci.image.manifest.v1+json,"
            + "application/vnd.docker.distribution.manifest.v2+json";

    ClassicSetup setup;
    DistributionProcess distribution;
    PortusApi api;
    TestImages images;
    ForgedTokens forged;
    Path work;

    @BeforeAll
    void start() {
        images = TestImages.get("busybox");
        setup = new ClassicSetup("classic");
        distribution = setup.startDistribution();
        work = setup.work;
        api = new PortusApi(setup.portusBase());
        api.bootstrap("admin", PASSWORD);
        api.registerRegistry("classic", distribution.hostPort(), true);
        for (String user : List.of("alice", "bob", "carol")) {
            api.createUser(user, PASSWORD);
        }
        long team = api.createTeam("shared", "alice");
        for (String host : List.of(distribution.hostPort(), setup.builtInService())) {
            api.makePublic(api.createNamespace("pub", "shared", host));
        }
        forged = new ForgedTokens(setup.key, setup.certificate, ClassicSetup.FQDN);
        assertThat(team).isPositive();
    }

    @AfterAll
    void stop() {
        if (setup != null) {
            setup.close();
        }
    }

    /** The registry under test: "external" = distribution 2.8, "builtin" = our own /v2. */
    String host(String registry) {
        return registry.equals("external") ? distribution.hostPort() : setup.builtInService();
    }

    Skopeo skopeo(String name, String user) {
        Skopeo skopeo = new Skopeo(work.resolve("skopeo-" + name + "-" + System.nanoTime()));
        return user == null ? skopeo : skopeo.withCreds(user + ":" + PASSWORD);
    }

    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"external", "builtin"})
    void userPushesToTheirNamespaceAndPullsBackIdenticalDigests(String registry) throws Exception {
        String ref = "docker://" + host(registry) + "/alice/busybox:latest";
        Skopeo alice = skopeo(registry, "alice");
        String pushed = alice.copy(images.ref("busybox"), ref);
        assertThat(pushed).isEqualTo(images.digest("busybox"));

        Path pulled = work.resolve("pulled-" + registry);
        alice.copy(ref, "oci:" + pulled + ":latest");
        assertThat(Json.parse(Files.readAllBytes(pulled.resolve("index.json"))).path("manifests").get(0)
                .path("digest").asString()).isEqualTo(pushed);
        assertThat(blobs(pulled)).isEqualTo(blobs(images.path("busybox")));
        assertThat(alice.inspectDigest(ref)).isEqualTo(pushed);
    }

    @Order(2)
    @ParameterizedTest
    @ValueSource(strings = {"external", "builtin"})
    void anotherUserCannotPushIntoThatNamespace(String registry) {
        Skopeo.Result result = skopeo(registry, "bob").run(List.of("copy", "--dest-tls-verify=false",
                images.ref("busybox"), "docker://" + host(registry) + "/alice/busybox:bob"));
        assertThat(result.ok()).as(result.describe()).isFalse();
        assertThat(result.stderr()).containsAnyOf("denied", "unauthorized", "authentication required");
        assertThat(api.tokenString("bob", PASSWORD, host(registry), "repository:alice/busybox:pull,push"))
                .satisfies(token -> assertThat(claims(token).path("access").toString()).isEqualTo("[]"));
    }

    @Order(3)
    @ParameterizedTest
    @ValueSource(strings = {"external", "builtin"})
    void anonymousPullsPublicNamespacesOnly(String registry) {
        skopeo(registry, "alice").copy(images.ref("busybox"), "docker://" + host(registry) + "/pub/busybox:latest");
        Skopeo anonymous = skopeo(registry, null);
        assertThat(anonymous.inspectDigest("docker://" + host(registry) + "/pub/busybox:latest"))
                .isEqualTo(images.digest("busybox"));
        Skopeo.Result privateRead = anonymous.run(List.of("inspect", "--tls-verify=false",
                "docker://" + host(registry) + "/alice/busybox:latest"));
        assertThat(privateRead.ok()).as(privateRead.describe()).isFalse();
        Skopeo.Result anonymousPush = anonymous.run(List.of("copy", "--dest-tls-verify=false", images.ref("busybox"),
                "docker://" + host(registry) + "/pub/busybox:anon"));
        assertThat(anonymousPush.ok()).as(anonymousPush.describe()).isFalse();
    }

    @Order(4)
    @Test
    void disabledUserGets401() {
        assertThat(api.token("carol", PASSWORD, distribution.hostPort()).statusCode()).isEqualTo(200);
        api.disableUser(idOf("carol"));
        for (String registry : List.of("external", "builtin")) {
            HttpResponse<String> response = api.token("carol", PASSWORD, host(registry), "repository:carol/busybox:pull");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            Skopeo.Result push = skopeo(registry, "carol").run(List.of("copy", "--dest-tls-verify=false",
                    images.ref("busybox"), "docker://" + host(registry) + "/carol/busybox:latest"));
            assertThat(push.ok()).as(push.describe()).isFalse();
        }
    }

    @Order(5)
    @ParameterizedTest
    @ValueSource(strings = {"external", "builtin"})
    void tokenForOneRepositoryDoesNotOpenAnother(String registry) {
        String token = api.tokenString("alice", PASSWORD, host(registry), "repository:alice/busybox:pull");
        assertThat(manifest(registry, "alice/busybox", token).statusCode()).isEqualTo(200);
        HttpResponse<String> other = manifest(registry, "alice/other", token);
        assertThat(other.statusCode()).isEqualTo(401);
        assertThat(other.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .contains("scope=\"repository:alice/other:pull\"").contains("error=\"insufficient_scope\""));
        assertThat(manifest(registry, "pub/busybox", token).statusCode()).isEqualTo(401);
    }

    @Order(6)
    @ParameterizedTest
    @ValueSource(strings = {"external", "builtin"})
    void forgedTokensAreRefused(String registry) {
        String service = host(registry);
        assertThat(manifest(registry, "alice/busybox", forged.valid("alice", service, "alice/busybox", "pull"))
                .statusCode()).as("control: a token signed by the real key").isEqualTo(200);
        Stream.of(forged.signedByAnotherKey("alice", service, "alice/busybox", "pull"),
                        forged.expired("alice", service, "alice/busybox", "pull"),
                        forged.algNone("alice", service, "alice/busybox", "pull"),
                        forged.valid("alice", "elsewhere:5000", "alice/busybox", "pull"))
                .forEach(token -> {
                    HttpResponse<String> response = manifest(registry, "alice/busybox", token);
                    assertThat(response.statusCode()).isEqualTo(401);
                    assertThat(response.headers().firstValue("WWW-Authenticate"))
                            .hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
                });
    }

    @Order(7)
    @Test
    void loginThroughPortusTokenEndpointMatchesTheClassicSetup() {
        HttpResponse<String> login = api.token("alice", PASSWORD, distribution.hostPort());
        assertThat(login.statusCode()).isEqualTo(200);
        var body = Json.parse(login.body());
        assertThat(body.path("token").asString()).isEqualTo(body.path("access_token").asString());
        var claims = claims(body.path("token").asString());
        assertThat(claims.path("iss").asString()).isEqualTo(ClassicSetup.FQDN);
        assertThat(claims.path("aud").asString()).isEqualTo(distribution.hostPort());
        assertThat(claims.path("sub").asString()).isEqualTo("alice");
        assertThat(claims.has("access")).isFalse();
        var header = Json.parse(java.util.Base64.getUrlDecoder().decode(body.path("token").asString().split("\\.")[0]));
        assertThat(header.path("alg").asString()).isEqualTo("RS256");
        assertThat(header.path("kid").asString()).matches("([A-Z2-7]{4}:){11}[A-Z2-7]{4}");
        assertThat(header.path("x5c").size()).isEqualTo(1);
    }

    private HttpResponse<String> manifest(String registry, String repository, String token) {
        String scheme = "https://";
        HttpRequest request = HttpRequest.newBuilder(URI.create(scheme + host(registry) + "/v2/" + repository
                        + "/manifests/latest"))
                .header("Authorization", "Bearer " + token).header("Accept", MANIFEST_ACCEPT).GET().build();
        try {
            return Http.client(true).send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(request.uri() + ": " + e, e);
        }
    }

    private long idOf(String username) {
        return api.userId(username);
    }

    private static tools.jackson.databind.JsonNode claims(String token) {
        return Json.parse(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static Set<String> blobs(Path layout) throws Exception {
        try (Stream<Path> files = Files.list(layout.resolve("blobs/sha256"))) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
