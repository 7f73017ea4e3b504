package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.portus.support.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * skopeo through our jar on S3, in token mode, once with redirects (blob GETs answer 307 to a presigned
 * S3 URL, which skopeo follows) and once with {@code REGISTRY_STORAGE_REDIRECT_DISABLE=true} (bytes stream
 * through the instance): single-layer, multi-layer and OCI index images come back byte-identical.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ClientsIT {

    static final String PASSWORD = "s3-clients-it-password";
    static final Pattern CHALLENGE = Pattern.compile("Bearer realm=\"([^\"]+)\",service=\"([^\"]+)\"");

    TestImages images;
    S3Server s3;
    PortusProcess redirecting;
    PortusProcess streaming;
    Path work;
    Skopeo skopeo;

    @BeforeAll
    void start() {
        images = TestImages.get("busybox", "rand-8layers", "multiarch");
        s3 = S3Server.shared();
        String bucket = s3.newBucket(S3ClientsIT.class);
        work = ItPaths.newWorkDir("s3-clients");
        CompletableFuture<PortusProcess> on = CompletableFuture.supplyAsync(() -> start("s3-redirect", bucket, true));
        CompletableFuture<PortusProcess> off = CompletableFuture.supplyAsync(() -> start("s3-stream", bucket, false));
        redirecting = on.join();
        streaming = off.join();
        for (PortusProcess p : new PortusProcess[] {redirecting, streaming}) {
            new CatalogApi(p.baseUri().toString()).bootstrap("admin", PASSWORD);
        }
        skopeo = new Skopeo(work.resolve("skopeo")).withCreds("admin:" + PASSWORD);
    }

    PortusProcess start(String name, String bucket, boolean redirect) {
        return PortusProcess.builder(name).auth("token").s3(s3, bucket, "/" + name, redirect)
                .env("PORTUS_MACHINE_FQDN", "127.0.0.1").start();
    }

    @AfterAll
    void stop() {
        Closer.closeAll(redirecting, streaming);
    }

    PortusProcess registry(boolean redirect) {
        return redirect ? redirecting : streaming;
    }

    String ref(boolean redirect, String repoAndTag) {
        return "docker://" + registry(redirect).hostPort() + "/" + repoAndTag;
    }

    void roundTrip(boolean redirect, String image, String repo, String... flags) {
        String digest = skopeo.copy(images.ref(image), ref(redirect, repo + ":1"), flags);
        assertThat(digest).as("digest skopeo pushed").isEqualTo(images.digest(image));
        assertThat(Digests.sha256(skopeo.inspectRaw(ref(redirect, repo + ":1")))).isEqualTo(digest);
        Path pulled = work.resolve("pulled-" + image + "-" + redirect);
        skopeo.copy(ref(redirect, repo + ":1"), "oci:" + pulled + ":latest", flags);
        Layouts.assertSameOciImage(pulled, images.path(image));
    }

    @ParameterizedTest(name = "redirect {0}")
    @ValueSource(booleans = {true, false})
    void singleAndMultiLayerImagesRoundTripByteIdentical(boolean redirect) {
        roundTrip(redirect, "busybox", "lib/busybox", "--preserve-digests");
        roundTrip(redirect, "rand-8layers", "lib/deep/rand8", "--preserve-digests");
    }

    @ParameterizedTest(name = "redirect {0}")
    @ValueSource(booleans = {true, false})
    void ociIndexWithAllPlatformsRoundTripsByteIdentical(boolean redirect) {
        roundTrip(redirect, "multiarch", "lib/multiarch", "--all", "--preserve-digests");
    }

    /**
     * With redirects a blob GET is a 307 to a presigned URL of the S3 server that serves the blob without any
     * other credentials (and HEAD is answered by the registry itself); without, the registry sends the bytes.
     */
    @ParameterizedTest(name = "redirect {0}")
    @ValueSource(booleans = {true, false})
    void blobGetRedirectsToS3OrStreams(boolean redirect) throws Exception {
        skopeo.copy(images.ref("busybox"), ref(redirect, "lib/blobs:1"), "--preserve-digests");
        String layer = RealClientsIT.layerDigests(images.path("busybox")).getFirst();
        PortusProcess registry = registry(redirect);
        RegistryHttp http = new RegistryHttp(registry.baseUri());
        String bearer = "Bearer " + pullToken(http, "lib/blobs");
        String path = "/v2/lib/blobs/blobs/" + layer;

        HttpResponse<byte[]> get = http.get(path, "Authorization", bearer);
        if (redirect) {
            assertThat(get.statusCode()).as("GET %s", path).isEqualTo(307);
            assertThat(get.headers().firstValue("Docker-Content-Digest")).hasValue(layer);
            URI location = URI.create(get.headers().firstValue("Location").orElseThrow());
            assertThat(location.getPort()).as("Location %s", location).isEqualTo(s3.port());
            HttpResponse<byte[]> fromS3 = new RegistryHttp(location).get(location.toString());
            assertThat(fromS3.statusCode()).isEqualTo(200);
            assertThat(Digests.sha256(fromS3.body())).isEqualTo(layer);
        } else {
            assertThat(get.statusCode()).as("GET %s", path).isEqualTo(200);
            assertThat(Digests.sha256(get.body())).isEqualTo(layer);
        }
        HttpResponse<byte[]> head = http.head(path, "Authorization", bearer);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Location")).isEmpty();
        assertThat(head.headers().firstValue("Docker-Content-Digest")).hasValue(layer);
    }

    /** The token flow of a client: the challenge of {@code GET /v2/}, then the realm with Basic credentials. */
    static String pullToken(RegistryHttp http, String repo) throws Exception {
        HttpResponse<byte[]> challenge = http.get("/v2/");
        assertThat(challenge.statusCode()).isEqualTo(401);
        Matcher m = CHALLENGE.matcher(challenge.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertThat(m.find()).as("Bearer challenge").isTrue();
        String url = m.group(1) + "?service=" + URLEncoder.encode(m.group(2), StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode("repository:" + repo + ":pull", StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> token = http.get(url, "Authorization", "Basic " + basic);
        assertThat(token.statusCode()).as("token answer %s", new String(token.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return Json.parse(token.body()).path("token").asString();
    }
}
