package io.portus.registry;

import java.util.List;

import io.portus.storage.Digest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input is a 4xx with the protocol's code, never a 5xx (RegistryClient checks both). */
class MalformedInputTest extends RegistryTestBase {

    private static final String D = Digest.sha256("x".getBytes()).toString();

    @Test
    void invalidRepositoryNamesAre400NameInvalid() {
        List<String> names = List.of("Upper/case", "a..b", "-lead", "trail-", "a__b_", "a/", "a//b", "a/../b", "x%2Fy",
                "a%20b", "caf%C3%A9", "a".repeat(256), "ns/" + "b".repeat(253), "_x");
        for (String name : names) {
            for (String suffix : List.of("/manifests/latest", "/blobs/" + D, "/tags/list", "/blobs/uploads/",
                    "/referrers/" + D)) {
                String method = suffix.equals("/blobs/uploads/") ? "POST" : "GET";
                Response r = RawHttp.send(port, method + " /v2/" + name + suffix + " HTTP/1.1\r\nContent-Length: 0");
                assertThat(r.status()).as(name + suffix).isEqualTo(400);
                assertThat(r.header("Docker-Distribution-API-Version")).as(name + suffix).isEqualTo("registry/2.0");
                assertThat(r.errorCode()).as(name + suffix).isEqualTo("NAME_INVALID");
            }
            Response r = client.get("/v2/" + name + "/tags/list");
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("NAME_INVALID");
        }
    }

    @Test
    void longestValidNameIsAccepted() {
        String name = "n".repeat(100) + "/" + "m".repeat(154);
        assertThat(name).hasSize(255);
        Response r = client.get("/v2/" + name + "/tags/list");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("NAME_UNKNOWN");
        assertThat(client.pushBlob(name, "ok".getBytes())).isNotNull();
    }

    @Test
    void malformedReferencesAndDigests() {
        for (String ref : List.of("sha256:zzz", "sha256:" + "A".repeat(64), "sha512:abc", "md5:abc", "sha256:", ":x")) {
            Response r = client.get("/v2/bad/refs/manifests/" + ref);
            assertThat(r.status()).as(ref).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("DIGEST_INVALID");
            Response b = client.get("/v2/bad/refs/blobs/" + ref);
            assertThat(b.status()).as(ref).isEqualTo(400);
            assertThat(b.errorCode()).isEqualTo("DIGEST_INVALID");
        }
        for (String ref : List.of("t".repeat(129), "latest%00", "%zz", "a%2Fb", "a%5Cb", "{x", "a%20b", "x;y", "$")) {
            Response r = RawHttp.send(port, "GET /v2/bad/refs/manifests/" + ref + " HTTP/1.1");
            assertThat(r.status()).as(ref).isEqualTo(400);
            assertThat(r.errorCode()).as(ref).isEqualTo("TAG_INVALID");
            assertThat(r.header("Docker-Distribution-API-Version")).as(ref).isEqualTo("registry/2.0");
        }
        for (String ref : List.of(".hidden", "-x")) { // tag characters, but no tag: it cannot exist
            Response r = RawHttp.send(port, "GET /v2/bad/refs/manifests/" + ref + " HTTP/1.1");
            assertThat(r.status()).as(ref).isEqualTo(404);
            assertThat(r.errorCode()).as(ref).isEqualTo("MANIFEST_UNKNOWN");
        }
        assertThat(client.get("/v2/bad/refs/blobs/sha256").errorCode()).isEqualTo("DIGEST_INVALID");
    }

    @Test
    void rangeHeaders() {
        byte[] blob = Content.random(100);
        Digest digest = client.pushBlob("bad/range", blob);
        String path = "/v2/bad/range/blobs/" + digest;
        for (String range : List.of("bytes=5-2", "bytes=abc", "bytes=100-", "bytes=1000-2000", "bytes=-0", "bytes=",
                "bytes=99999999999999999999-", "bytes=--1", "0-5")) {
            Response r = client.get(path, "Range", range);
            assertThat(r.status()).as(range).isEqualTo(416);
            assertThat(r.header("Content-Range")).as(range).isEqualTo("bytes */100");
            assertThat(r.errorCode()).isEqualTo("RANGE_INVALID");
        }
        for (String range : List.of("items=0-1", "bytes=0-1,3-4")) {
            Response r = client.get(path, "Range", range);
            assertThat(r.status()).as(range).isEqualTo(200);
            assertThat(r.body()).isEqualTo(blob);
        }
        assertRange(path, "bytes=0-0", 206, "bytes 0-0/100", 1);
        assertRange(path, "bytes=90-", 206, "bytes 90-99/100", 10);
        assertRange(path, "bytes=-10", 206, "bytes 90-99/100", 10);
        assertRange(path, "bytes=-500", 206, "bytes 0-99/100", 100);
        assertRange(path, "bytes=50-5000", 206, "bytes 50-99/100", 50);
        Response head = client.head(path, "Range", "bytes=10-19");
        assertThat(head.status()).isEqualTo(206);
        assertThat(head.header("Content-Length")).isEqualTo("10");
        Response ifRange = client.get(path, "Range", "bytes=0-9", "If-Range", "\"sha256:other\"");
        assertThat(ifRange.status()).isEqualTo(200);
        assertThat(client.get(path, "Range", "bytes=0-9", "If-Range", "\"" + digest + "\"").status()).isEqualTo(206);
    }

    private void assertRange(String path, String range, int status, String contentRange, int length) {
        Response r = client.get(path, "Range", range);
        assertThat(r.status()).as(range).isEqualTo(status);
        assertThat(r.header("Content-Range")).as(range).isEqualTo(contentRange);
        assertThat(r.body()).as(range).hasSize(length);
    }

    @Test
    void deeplyNestedOrHugeJsonIsRejectedCleanly() {
        byte[] deep = ("{\"schemaVersion\":2,\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}").getBytes();
        Response r = client.putManifest("bad/json", "deep", Content.OCI_MANIFEST, deep);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("MANIFEST_INVALID");
        byte[] binary = Content.random(5000);
        assertThat(client.putManifest("bad/json", "bin", Content.OCI_MANIFEST, binary).errorCode()).isEqualTo("MANIFEST_INVALID");
    }

    @Test
    void methodNotAllowedIs405WithAllow() {
        Response r = client.post("/v2/bad/method/manifests/latest", new byte[0]);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.errorCode()).isEqualTo("UNSUPPORTED");
        assertThat(r.header("Allow")).contains("GET", "PUT", "DELETE");
        assertThat(client.put("/v2/_catalog", new byte[0]).status()).isEqualTo(405);
        assertThat(client.patch("/v2/bad/method/blobs/" + D, new byte[0]).status()).isEqualTo(405);
        assertThat(client.delete("/v2/").status()).isEqualTo(405);
        assertThat(client.get("/v2/bad/method/blobs/uploads/").status()).isEqualTo(405);
    }

    @Test
    void malformedQueryStrings() {
        Response r = RawHttp.send(port, "GET /v2/_catalog?n=%zz&last=%ZZ HTTP/1.1");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("PAGINATION_NUMBER_INVALID");
        String location = client.startUpload("bad/query");
        Response put = RawHttp.send(port, "PUT " + location + "?digest=sha256%3&&=&x HTTP/1.1\r\nContent-Length: 0");
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.errorCode()).isEqualTo("DIGEST_INVALID");
    }

    @Test
    void bodyShorterThanItsContentLengthIsAClientErrorAndKeepsWhatArrived() {
        String location = client.startUpload("bad/body");
        Response r = RawHttp.send(port, "PATCH " + location + " HTTP/1.1\r\nContent-Type: application/octet-stream"
                + "\r\nContent-Length: 1000", new byte[300], true);
        assertThat(r.status()).isIn(0, 400);
        Response status = client.get(location);
        assertThat(status.status()).isEqualTo(204);
        assertThat(status.header("Range")).isEqualTo("0-299");
        Response manifest = RawHttp.send(port, "PUT /v2/bad/body/manifests/latest HTTP/1.1\r\nContent-Type: "
                + Content.OCI_MANIFEST + "\r\nContent-Length: 500", "{\"schemaVersion\":2".getBytes(), true);
        assertThat(manifest.status()).isIn(0, 400);
    }

    @Test
    void chunkedPatchWithWrongContentRangeLength() {
        String location = client.startUpload("bad/chunk");
        Response shortBody = RawHttp.send(port, "PATCH " + location + " HTTP/1.1\r\nContent-Range: 0-99"
                + "\r\nTransfer-Encoding: chunked", "a\r\n0123456789\r\n0\r\n\r\n".getBytes(), false);
        assertThat(shortBody.status()).isEqualTo(400);
        assertThat(shortBody.errorCode()).isEqualTo("SIZE_INVALID");
        assertThat(shortBody.header("Range")).isEqualTo("0-9");
        Response longBody = RawHttp.send(port, "PATCH " + location + " HTTP/1.1\r\nContent-Range: 10-14"
                + "\r\nTransfer-Encoding: chunked", "a\r\n0123456789\r\n0\r\n\r\n".getBytes(), false);
        assertThat(longBody.status()).isEqualTo(400);
        assertThat(longBody.header("Range")).isEqualTo("0-14");
        assertThat(client.get(location).header("Range")).isEqualTo("0-14");
    }

    @Test
    void headErrorsHaveNoBody() {
        Response r = client.head("/v2/bad/head/manifests/nothing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEmpty();
        assertThat(client.head("/v2/Bad/manifests/x").status()).isEqualTo(400);
    }

    @Test
    void pathsOfOtherModulesAreLeftToSpring() {
        for (String path : List.of("/v2/webhooks/events")) {
            Response r = RawHttp.send(port, "GET " + path + " HTTP/1.1");
            assertThat(r.header("Docker-Distribution-API-Version")).as(path).isNull();
        }
        // the token endpoint is Spring MVC's (the token service), never the registry's
        Response token = RawHttp.send(port, "GET /v2/token HTTP/1.1");
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.header("Docker-Distribution-API-Version")).isNull();
    }

    @Test
    void refusalsOutsideTheRegistryKeepTheirOwnPages() {
        Response tomcat = RawHttp.send(port, "GET /api/v1/a%2Fb HTTP/1.1");
        assertThat(tomcat.status()).isEqualTo(400);
        assertThat(tomcat.header("Content-Type")).startsWith("text/html");
        assertThat(tomcat.header("Docker-Distribution-API-Version")).isNull();
        Response firewall = RawHttp.send(port, "GET /api/v1/../x HTTP/1.1");
        assertThat(firewall.status()).isEqualTo(400);
        assertThat(firewall.text()).contains("\"status\":400").doesNotContain("\"errors\"");
        Response token = RawHttp.send(port, "GET /v2/token HTTP/1.1\r\nContent-Length: -1");
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.header("Docker-Distribution-API-Version")).isNull();
    }

    @Test
    void requestsTomcatRefusesUnderV2GetTheEnvelope() {
        Response slash = RawHttp.send(port, "GET /v2/a%2Fb/tags/list HTTP/1.1");
        assertThat(slash.errorCode()).isEqualTo("NAME_INVALID");
        Response brace = RawHttp.send(port, "GET /v2/a/manifests/{x} HTTP/1.1");
        assertThat(brace.errorCode()).isEqualTo("TAG_INVALID");
        Response length = RawHttp.send(port, "PUT /v2/a/manifests/t HTTP/1.1\r\nContent-Length: -5");
        assertThat(length.status()).isEqualTo(400);
        assertThat(length.errorCode()).isEqualTo("SIZE_INVALID");
        Response trace = RawHttp.send(port, "TRACE /v2/ HTTP/1.1");
        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.errorCode()).isEqualTo("UNSUPPORTED");
        for (Response r : List.of(slash, brace, length, trace)) {
            assertThat(r.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
            assertThat(r.header("Content-Type")).startsWith("application/json");
        }
    }

    @Test
    void otherPathsUnderV2AreRegistry404sInTheEnvelope() {
        for (String path : List.of("/v2/x", "/v2/nope/x/y/z", "/v2/foo/manifests/", "/v2/foo/unknown/x",
                "/v2/_catalog/extra")) {
            Response r = RawHttp.send(port, "GET " + path + " HTTP/1.1");
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("Docker-Distribution-API-Version")).as(path).isEqualTo("registry/2.0");
            assertThat(r.text()).as(path).contains("\"code\":\"UNSUPPORTED\"");
        }
    }
}
