package io.portus.registry.internal;

import java.nio.charset.StandardCharsets;

import io.portus.storage.Digest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestParserTest {

    private static final String D1 = Digest.sha256("1".getBytes()).toString();
    private static final String D2 = Digest.sha256("2".getBytes()).toString();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void describesStoredBytesWhateverTheyAre() {
        assertThat(ManifestParser.describe(b("{\"schemaVersion\":2,\"mediaType\":\"" + Headers.DOCKER_LIST
                + "\",\"manifests\":[]}")).mediaType()).isEqualTo(Headers.DOCKER_LIST);
        assertThat(ManifestParser.describe(b("{\"schemaVersion\":2,\"manifests\":[]}")).mediaType()).isEqualTo(Headers.OCI_INDEX);
        assertThat(ManifestParser.describe(b("{\"schemaVersion\":2,\"config\":{}}")).mediaType()).isEqualTo(Headers.OCI_MANIFEST);
        assertThat(ManifestParser.describe(b("{\"schemaVersion\":1,\"signatures\":[]}")).mediaType())
                .isEqualTo(Headers.DOCKER_SCHEMA1_SIGNED);
        assertThat(ManifestParser.describe(b("{\"schemaVersion\":1}")).mediaType()).isEqualTo(Headers.DOCKER_SCHEMA1);
        assertThat(ManifestParser.describe(b("garbage")).mediaType()).isEqualTo(Headers.OCTET_STREAM);
        assertThat(ManifestParser.describe(b("{}")).mediaType()).isEqualTo(Headers.OCTET_STREAM);
    }

    @Test
    void readsArtifactTypeSubjectAnnotationsAndReferences() {
        ManifestInfo info = ManifestParser.validate(b("{\"schemaVersion\":2,\"mediaType\":\"" + Headers.OCI_MANIFEST
                + "\",\"config\":{\"mediaType\":\"application/x-cfg\",\"digest\":\"" + D1 + "\",\"size\":1},"
                + "\"layers\":[{\"mediaType\":\"l\",\"digest\":\"" + D2 + "\",\"size\":1,\"urls\":[\"http://x\"]}],"
                + "\"subject\":{\"digest\":\"" + D2 + "\",\"size\":3},\"annotations\":{\"k\":\"v\"}}"), Headers.OCI_MANIFEST);
        assertThat(info.index()).isFalse();
        assertThat(info.referrerArtifactType()).isEqualTo("application/x-cfg");
        assertThat(info.subject()).hasToString(D2);
        assertThat(info.annotations()).containsEntry("k", "v");
        assertThat(info.references()).hasSize(2);
        assertThat(info.children().getFirst().foreign()).isTrue();
        ManifestInfo index = ManifestParser.validate(b("{\"schemaVersion\":2,\"mediaType\":\"" + Headers.OCI_INDEX
                + "\",\"artifactType\":\"t\",\"manifests\":[{\"digest\":\"" + D1 + "\",\"size\":5}]}"), null);
        assertThat(index.index()).isTrue();
        assertThat(index.referrerArtifactType()).isEqualTo("t");
        assertThat(index.references()).extracting(d -> d.digest().toString()).containsExactly(D1);
    }

    @Test
    void contentTypeParametersAreIgnoredAndGenericTypesTolerated() {
        String body = "{\"schemaVersion\":2,\"config\":{\"digest\":\"" + D1 + "\"}}";
        assertThat(ManifestParser.validate(b(body), Headers.OCI_MANIFEST + "; charset=utf-8").mediaType()).isEqualTo(Headers.OCI_MANIFEST);
        assertThat(ManifestParser.validate(b(body), "application/octet-stream").mediaType()).isEqualTo(Headers.OCI_MANIFEST);
        assertThat(ManifestParser.validate(b(body), null).mediaType()).isEqualTo(Headers.OCI_MANIFEST);
    }

    @Test
    void strictValidationSaysWhatIsWrong() {
        assertInvalid("{\"schemaVersion\":1}", null, "schema1");
        assertInvalid("{\"schemaVersion\":2,\"config\":{\"digest\":\"" + D1 + "\"}}", Headers.DOCKER_SCHEMA1_SIGNED, "schema1");
        assertInvalid("nope", Headers.OCI_MANIFEST, "JSON");
        assertInvalid("{\"schemaVersion\":2,\"mediaType\":\"" + Headers.OCI_INDEX + "\",\"manifests\":[]}",
                Headers.OCI_MANIFEST, "does not match");
        assertInvalid("{\"schemaVersion\":2,\"config\":{\"digest\":\"" + D1 + "\"}}", Headers.DOCKER_MANIFEST, "does not match");
        assertInvalid("{\"schemaVersion\":2,\"mediaType\":\"x/y\",\"config\":{}}", "x/y", "unsupported");
        assertInvalid("{\"schemaVersion\":2,\"mediaType\":\"" + Headers.OCI_MANIFEST + "\"}", null, "config");
        assertInvalid("{\"schemaVersion\":2,\"mediaType\":\"" + Headers.OCI_MANIFEST + "\",\"config\":{\"digest\":\""
                + D1 + "\"},\"layers\":[{\"digest\":\"sha256:1\"}]}", null, "layers[0]");
    }

    private static void assertInvalid(String body, String contentType, String messagePart) {
        assertThatThrownBy(() -> ManifestParser.validate(b(body), contentType))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_INVALID);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }
}
