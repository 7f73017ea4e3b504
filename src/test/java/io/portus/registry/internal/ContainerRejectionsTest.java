package io.portus.registry.internal;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerRejectionsTest {

    private static String code(String method, String uri, Throwable cause, int status, String... lengths) {
        Optional<RegistryException> e = ContainerRejections.classify(method, uri, cause, status, List.of(lengths));
        return e.map(x -> x.status() + " " + x.code()).orElse("none");
    }

    private static IllegalArgumentException tomcat(String target) {
        return new IllegalArgumentException("Invalid character found in the request target [" + target
                + "]. The valid characters are defined in RFC 7230 and RFC 3986");
    }

    @Test
    void thePathDecidesAsItDoesInTheRegistry() {
        assertThat(code("GET", "/v2/a%2Fb/tags/list", null, 400)).isEqualTo("400 NAME_INVALID");
        assertThat(code("GET", "/v2/a/manifests/x%2Fy", null, 400)).isEqualTo("400 TAG_INVALID");
        assertThat(code("PUT", "/v2/a/manifests/sha256:x%5C", null, 400)).isEqualTo("400 DIGEST_INVALID");
        assertThat(code("GET", "/v2/a/manifests/.x", null, 400)).isEqualTo("404 MANIFEST_UNKNOWN");
        assertThat(code("PATCH", "/v2/a/blobs/uploads/%2F", null, 400)).isEqualTo("404 BLOB_UPLOAD_UNKNOWN");
        assertThat(code("GET", "/v2/a/referrers/%00", null, 400)).isEqualTo("400 DIGEST_INVALID");
        assertThat(code("TRACE", "/v2/", null, 405)).isEqualTo("405 UNSUPPORTED");
        assertThat(code("GET", "/v2/../../x", null, 400)).isEqualTo("404 UNSUPPORTED");
    }

    @Test
    void aWellFormedPathLeavesTheFaultToTheFraming() {
        assertThat(code("PATCH", "/v2/a/blobs/uploads/u-1", null, 400, "-5")).isEqualTo("400 SIZE_INVALID");
        assertThat(code("PUT", "/v2/a/manifests/t", null, 400, "3", "3")).isEqualTo("400 SIZE_INVALID");
        assertThat(code("PUT", "/v2/a/manifests/t", null, 400, "99999999999999999999")).isEqualTo("400 SIZE_INVALID");
        assertThat(code("PUT", "/v2/a/manifests/t", null, 501, "7")).isEqualTo("501 UNSUPPORTED");
        assertThat(code("GET", "/v2/", null, 505)).isEqualTo("505 UNSUPPORTED");
    }

    @Test
    void requestsOutsideTheRegistryAreNotItsBusiness() {
        assertThat(code("GET", "/api/v1/a%2Fb", null, 400)).isEqualTo("none");
        assertThat(code("GET", "/v2x/a", null, 400)).isEqualTo("none");
        assertThat(code("GET", "/v2/token", null, 400, "-1")).isEqualTo("none");
        assertThat(code("POST", "/v2/webhooks/events", null, 400)).isEqualTo("none");
        assertThat(code("GET", null, null, 400)).isEqualTo("none");
        assertThat(code("GET", null, new IllegalArgumentException("Invalid character found in method name [G{T ]"), 400))
                .isEqualTo("none");
    }

    @Test
    void aTargetTomcatRefusedToReadIsTakenFromItsMessage() {
        assertThat(ContainerRejections.targetOf(tomcat("/v2/a/manifests/{x "))).isEqualTo("/v2/a/manifests/{x");
        assertThat(ContainerRejections.targetOf(tomcat("/v2/a0x01b/tags/list?n=0x02 "))).isEqualTo("/v2/a\u0001b/tags/list");
        assertThat(ContainerRejections.targetOf(tomcat("/v2/a/manifests/caf0xc30xa9 "))).isEqualTo("/v2/a/manifests/caf\u00c3\u00a9");
        assertThat(ContainerRejections.targetOf(tomcat("/v2/a/manifests/0x41b..."))).isEqualTo("/v2/a/manifests/0x41b");
        assertThat(ContainerRejections.targetOf(tomcat("/v2 "))).isEqualTo("/v2");
        assertThat(ContainerRejections.targetOf(tomcat("/api/{x "))).isNull();
        assertThat(ContainerRejections.targetOf(tomcat("/v2x/{ "))).isNull();
        assertThat(ContainerRejections.targetOf(new IllegalStateException("[/v2/x]"))).isNull();
        assertThat(code("GET", null, tomcat("/v2/a/manifests/{x "), 400)).isEqualTo("400 TAG_INVALID");
        assertThat(code("GET", "", tomcat("/v2/a0x01b/tags/list "), 400)).isEqualTo("400 NAME_INVALID");
    }
}
