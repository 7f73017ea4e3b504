package io.portus.registry.internal;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class V2RouterTest {

    private static Route route(String path) {
        Optional<Route> r = V2Router.parse(path);
        assertThat(r).as(path).isPresent();
        return r.get();
    }

    @Test
    void baseAndCatalog() {
        assertThat(route("/v2/").kind()).isEqualTo(Route.Kind.BASE);
        assertThat(route("/v2").kind()).isEqualTo(Route.Kind.BASE);
        assertThat(route("/v2/_catalog")).isEqualTo(new Route(Route.Kind.CATALOG, null, null));
    }

    @Test
    void repositoryRoutesWithSlashesInNames() {
        assertThat(route("/v2/a/b/c/manifests/latest")).isEqualTo(new Route(Route.Kind.MANIFEST, "a/b/c", "latest"));
        assertThat(route("/v2/library/busybox/blobs/sha256:abc"))
                .isEqualTo(new Route(Route.Kind.BLOB, "library/busybox", "sha256:abc"));
        assertThat(route("/v2/x/tags/list")).isEqualTo(new Route(Route.Kind.TAGS, "x", null));
        assertThat(route("/v2/x/y/blobs/uploads/")).isEqualTo(new Route(Route.Kind.UPLOAD_START, "x/y", null));
        assertThat(route("/v2/x/y/blobs/uploads")).isEqualTo(new Route(Route.Kind.UPLOAD_START, "x/y", null));
        assertThat(route("/v2/x/y/blobs/uploads/abc-123")).isEqualTo(new Route(Route.Kind.UPLOAD, "x/y", "abc-123"));
        assertThat(route("/v2/x/referrers/sha256:1")).isEqualTo(new Route(Route.Kind.REFERRERS, "x", "sha256:1"));
    }

    @Test
    void endpointWordsInsideNamesAreReadFromTheRight() {
        assertThat(route("/v2/manifests/manifests/manifests")).isEqualTo(new Route(Route.Kind.MANIFEST, "manifests", "manifests"));
        assertThat(route("/v2/blobs/uploads/tags/list")).isEqualTo(new Route(Route.Kind.TAGS, "blobs/uploads", null));
        assertThat(route("/v2/a/blobs/uploads/manifests/t")).isEqualTo(new Route(Route.Kind.MANIFEST, "a/blobs/uploads", "t"));
        assertThat(route("/v2/tags/list/blobs/uploads/")).isEqualTo(new Route(Route.Kind.UPLOAD_START, "tags/list", null));
    }

    @Test
    void lastElementIsPercentDecodedButNamesAreNot() {
        assertThat(route("/v2/a/blobs/sha256%3Aabc").reference()).isEqualTo("sha256:abc");
        assertThat(route("/v2/a/manifests/%zz").reference()).isEqualTo("%zz");
        assertThat(route("/v2/a/manifests/a+b").reference()).isEqualTo("a+b");
        assertThat(route("/v2/a%2Fb/manifests/x").name()).isEqualTo("a%2Fb");
    }

    @Test
    void emptyOrOddNamesStillRouteSoTheyGetNameInvalid() {
        assertThat(route("/v2//manifests/x").name()).isEmpty();
        assertThat(route("/v2/a//b/tags/list").name()).isEqualTo("a//b");
        assertThat(route("/v2/../x/tags/list").name()).isEqualTo("../x");
    }

    @Test
    void otherPathsAreNotRegistryRoutes() {
        for (String path : new String[] {"/v2/token", "/v2/webhooks/events", "/v2/foo/manifests/", "/v2/foo/blobs/",
                "/v2/foo/unknown/x", "/v2/_catalog/x", "/v2x/", "/api/v1/users", "/", "/v2/manifests/x",
                "/v2/foo/tags/list/"}) {
            assertThat(V2Router.parse(path)).as(path).isEmpty();
        }
    }

    @Test
    void operationsNameTheMetricTag() {
        assertThat(route("/v2/a/blobs/sha256:1").operation("GET")).isEqualTo("blob_get");
        assertThat(route("/v2/a/manifests/x").operation("PUT")).isEqualTo("manifest_put");
        assertThat(route("/v2/a/blobs/uploads/1").operation("PATCH")).isEqualTo("upload_patch");
        assertThat(Route.Kind.MANIFEST.allowHeader()).isEqualTo("DELETE, GET, HEAD, PUT");
    }
}
