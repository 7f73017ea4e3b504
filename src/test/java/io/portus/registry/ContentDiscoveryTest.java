package io.portus.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.portus.storage.Digest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.portus.registry.Content.descriptor;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance "content discovery": tags list with pagination, catalog, referrers. */
class ContentDiscoveryTest extends RegistryTestBase {

    private static final String TYPE_A = "application/vnd.nhl.peanut.butter.bagel";
    private static final String TYPE_B = "application/vnd.nba.strawberry.jam.croissant";
    private static final String TYPE_INDEX = "application/vnd.food.stand";

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }

    @Test
    void tagsAreListedSortedAndPaginated() {
        String repo = "discovery/tags";
        Content.Image image = Content.pushImage(client, repo, "test3");
        for (String tag : List.of("test1", "test0", "Alpha", "test2", "1.0", "_x")) {
            client.pushManifest(repo, tag, Content.OCI_MANIFEST, image.manifest());
        }
        List<String> all = List.of("1.0", "Alpha", "_x", "test0", "test1", "test2", "test3");
        Response list = client.get("/v2/" + repo + "/tags/list");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).startsWith("application/json");
        assertThat(list.json().path("name").asString()).isEqualTo(repo);
        assertThat(strings(list.json().path("tags"))).containsExactlyElementsOf(all);
        assertThat(list.header("Link")).isNull();

        Response page1 = client.get("/v2/" + repo + "/tags/list?n=3");
        assertThat(strings(page1.json().path("tags"))).containsExactly("1.0", "Alpha", "_x");
        assertThat(page1.header("Link")).isEqualTo("</v2/" + repo + "/tags/list?n=3&last=_x>; rel=\"next\"");
        String next = page1.header("Link").substring(1, page1.header("Link").indexOf('>'));
        Response page2 = client.get(next);
        assertThat(strings(page2.json().path("tags"))).containsExactly("test0", "test1", "test2");
        Response page3 = client.get("/v2/" + repo + "/tags/list?n=3&last=test2");
        assertThat(strings(page3.json().path("tags"))).containsExactly("test3");
        assertThat(page3.header("Link")).isNull();

        Response exact = client.get("/v2/" + repo + "/tags/list?n=7");
        assertThat(strings(exact.json().path("tags"))).hasSize(7);
        assertThat(exact.header("Link")).isNull();
        Response afterOnly = client.get("/v2/" + repo + "/tags/list?last=test0");
        assertThat(strings(afterOnly.json().path("tags"))).containsExactly("test1", "test2", "test3");
        Response afterUnknown = client.get("/v2/" + repo + "/tags/list?last=b&n=2");
        assertThat(strings(afterUnknown.json().path("tags"))).containsExactly("test0", "test1");

        Response zero = client.get("/v2/" + repo + "/tags/list?n=0");
        assertThat(zero.status()).isEqualTo(200);
        assertThat(zero.json().path("tags").isArray()).isTrue();
        assertThat(zero.json().path("tags")).isEmpty();
        assertThat(zero.header("Link")).isNull();
    }

    @Test
    void badPageSizeIs400AndUnknownRepository404() {
        for (String n : List.of("-1", "x", "1.5", "99999999999")) {
            Response r = client.get("/v2/discovery/any/tags/list?n=" + n);
            assertThat(r.status()).as(n).isIn(400, 404);
        }
        Content.pushImage(client, "discovery/bad", "v");
        for (String n : List.of("-1", "x", "1.5", "99999999999")) {
            Response r = client.get("/v2/discovery/bad/tags/list?n=" + n);
            assertThat(r.status()).as(n).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("PAGINATION_NUMBER_INVALID");
        }
        Response unknown = client.get("/v2/discovery/nothing/here/tags/list");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NAME_UNKNOWN");
    }

    @Test
    void catalogListsRepositoriesSortedWithPagination() {
        for (String repo : List.of("cat/b", "cat/a", "cat/c/d", "cat/c")) {
            Content.pushImage(client, repo, "latest");
        }
        Response all = client.get("/v2/_catalog");
        assertThat(all.status()).isEqualTo(200);
        List<String> names = strings(all.json().path("repositories"));
        assertThat(names).containsSubsequence("cat/a", "cat/b", "cat/c", "cat/c/d");
        assertThat(names).isSorted();
        Response page = client.get("/v2/_catalog?n=2&last=cat/a");
        assertThat(strings(page.json().path("repositories"))).containsExactly("cat/b", "cat/c");
        assertThat(page.header("Link")).isEqualTo("</v2/_catalog?n=2&last=cat%2Fc>; rel=\"next\"");
        String next = page.header("Link").substring(1, page.header("Link").indexOf('>'));
        assertThat(strings(client.get(next).json().path("repositories"))).startsWith("cat/c/d");
        Response zero = client.get("/v2/_catalog?n=0");
        assertThat(zero.json().path("repositories")).isEmpty();
        assertThat(zero.header("Link")).isNull();
        Response bad = client.get("/v2/_catalog?n=-3");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("PAGINATION_NUMBER_INVALID");
        assertThat(client.get("/v2/_catalog?n=5000").status()).isEqualTo(200);
        for (String last : List.of("%2F%2F..%2F", "ZZZ", "%00", "~", "a%20b")) {
            assertThat(client.get("/v2/_catalog?n=2&last=" + last).status()).as(last).isEqualTo(200);
        }
        assertThat(strings(client.get("/v2/_catalog?last=~").json().path("repositories"))).isEmpty();
    }

    @Test
    void referrersOfTheConformanceArtifacts() {
        String repo = "discovery/referrers";
        client.pushBlob(repo, Content.EMPTY_JSON);
        byte[] layerA = Content.random(64);
        byte[] layerB = Content.random(64);
        byte[] cfgA = "{\"a\":1}".getBytes();
        byte[] cfgB = "{\"b\":2}".getBytes();
        for (byte[] b : List.of(layerA, layerB, cfgA, cfgB)) {
            client.pushBlob(repo, b);
        }
        Content.Image subject = Content.pushImage(client, "discovery/prepare", "x");
        // referrers pushed before their subject exists
        byte[] subjectBytes = subject.manifest();
        Map<String, Object> subjectDesc = descriptor(Content.OCI_MANIFEST, subjectBytes);
        Map<String, Object> empty = descriptor(Content.OCI_EMPTY, Content.EMPTY_JSON);
        byte[] aConfig = artifact(descriptor(TYPE_A, cfgA), layerA, null, subjectDesc, Map.of("org.a", "config"));
        byte[] aLayer = artifact(empty, layerA, TYPE_A, subjectDesc, Map.of("org.a", "layer"));
        byte[] index = Content.index(Content.OCI_INDEX, List.of(), Map.of("artifactType", TYPE_INDEX,
                "subject", subjectDesc, "annotations", Map.of("org.index", "yes")));
        for (byte[] m : List.of(aConfig, aLayer)) {
            assertThat(referrerPush(repo, m, Content.OCI_MANIFEST).header("OCI-Subject")).isEqualTo(subject.digest().toString());
        }
        assertThat(referrerPush(repo, index, Content.OCI_INDEX).header("OCI-Subject")).isEqualTo(subject.digest().toString());
        // now the subject, then B
        client.pushBlob(repo, Content.EMPTY_JSON);
        pushSubject(repo, subject);
        byte[] bConfig = artifact(descriptor(TYPE_B, cfgB), layerB, null, subjectDesc, Map.of("org.b", "config"));
        byte[] bLayer = artifact(empty, layerB, TYPE_B, subjectDesc, Map.of("org.b", "layer"));
        for (byte[] m : List.of(bConfig, bLayer)) {
            assertThat(referrerPush(repo, m, Content.OCI_MANIFEST).header("OCI-Subject")).isEqualTo(subject.digest().toString());
        }
        // C refers to a manifest that is never pushed
        Digest manifest3 = Digest.sha256("manifest three".getBytes());
        byte[] c = artifact(empty, layerA, "application/vnd.c", descriptor(Content.OCI_MANIFEST, manifest3, 14), Map.of());
        referrerPush(repo, c, Content.OCI_MANIFEST);

        Response unknown = client.get("/v2/" + repo + "/referrers/" + Digest.sha256("nothing".getBytes()));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.header("Content-Type")).isEqualTo(Content.OCI_INDEX);
        assertThat(unknown.json().path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(unknown.json().path("mediaType").asString()).isEqualTo(Content.OCI_INDEX);
        assertThat(unknown.json().path("manifests").isArray()).isTrue();
        assertThat(unknown.json().path("manifests")).isEmpty();

        Response all = client.get("/v2/" + repo + "/referrers/" + subject.digest());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.header("Content-Type")).isEqualTo(Content.OCI_INDEX);
        JsonNode manifests = all.json().path("manifests");
        assertThat(manifests).hasSize(5);
        Map<String, byte[]> expected = Map.of(TYPE_A + "/config", aConfig, TYPE_A + "/layer", aLayer,
                TYPE_B + "/config", bConfig, TYPE_B + "/layer", bLayer, TYPE_INDEX + "/index", index);
        for (JsonNode d : manifests) {
            assertThat(d.path("annotations").isObject()).as(d.toString()).isTrue();
            String kind = d.path("annotations").properties().iterator().next().getValue().asString();
            String key = d.path("artifactType").asString() + "/" + (kind.equals("yes") ? "index" : kind);
            byte[] bytes = expected.get(key);
            assertThat(bytes).as(key).isNotNull();
            assertThat(d.path("digest").asString()).isEqualTo(Digest.sha256(bytes).toString());
            assertThat(d.path("size").asLong()).isEqualTo(bytes.length);
            assertThat(d.path("mediaType").asString()).isEqualTo(kind.equals("yes") ? Content.OCI_INDEX : Content.OCI_MANIFEST);
        }

        Response filtered = client.get("/v2/" + repo + "/referrers/" + subject.digest() + "?artifactType=" + TYPE_A);
        assertThat(filtered.header("OCI-Filters-Applied")).isEqualTo("artifactType");
        assertThat(filtered.json().path("manifests")).hasSize(2);
        filtered.json().path("manifests").forEach(d -> assertThat(d.path("artifactType").asString()).isEqualTo(TYPE_A));
        assertThat(client.get("/v2/" + repo + "/referrers/" + subject.digest() + "?artifactType=none/such")
                .json().path("manifests")).isEmpty();

        Response onlyC = client.get("/v2/" + repo + "/referrers/" + manifest3);
        assertThat(onlyC.json().path("manifests")).hasSize(1);
        assertThat(onlyC.json().path("manifests").path(0).path("digest").asString()).isEqualTo(Digest.sha256(c).toString());
        assertThat(onlyC.json().path("manifests").path(0).path("artifactType").asString()).isEqualTo("application/vnd.c");
        assertThat(onlyC.json().path("manifests").path(0).has("annotations")).isFalse();
    }

    @Test
    void referrersOfUnknownRepositoryAreEmptyAndInvalidDigestIs400() {
        Response r = client.get("/v2/no/such/repo/referrers/" + Digest.sha256(new byte[0]));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("manifests")).isEmpty();
        for (String bad : List.of("sha256:abc", "latest", "sha256:" + "g".repeat(64))) {
            Response b = client.get("/v2/no/such/repo/referrers/" + bad);
            assertThat(b.status()).as(bad).isEqualTo(400);
            assertThat(b.errorCode()).isEqualTo("DIGEST_INVALID");
        }
    }

    private void pushSubject(String repo, Content.Image subject) {
        Response head = client.head("/v2/discovery/prepare/blobs/" + subject.config());
        assertThat(head.status()).isEqualTo(200);
        client.post("/v2/" + repo + "/blobs/uploads/?mount=" + subject.config() + "&from=discovery/prepare", new byte[0]);
        client.post("/v2/" + repo + "/blobs/uploads/?mount=" + subject.layer() + "&from=discovery/prepare", new byte[0]);
        client.pushManifest(repo, "tagtest0", Content.OCI_MANIFEST, subject.manifest());
    }

    private Response referrerPush(String repo, byte[] manifest, String type) {
        Response r = client.putManifest(repo, Digest.sha256(manifest).toString(), type, manifest);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r;
    }

    private static byte[] artifact(Map<String, Object> config, byte[] layer, String artifactType,
                                   Map<String, Object> subject, Map<String, String> annotations) {
        Map<String, Object> extra = new java.util.LinkedHashMap<>();
        if (artifactType != null) {
            extra.put("artifactType", artifactType);
        }
        extra.put("subject", subject);
        if (!annotations.isEmpty()) {
            extra.put("annotations", annotations);
        }
        return Content.manifest(Content.OCI_MANIFEST, config, List.of(descriptor("application/octet-stream", layer)), extra);
    }
}
