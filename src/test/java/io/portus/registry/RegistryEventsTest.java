package io.portus.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.portus.registry.event.RegistryEvent;
import io.portus.registry.event.RegistryEventListener;
import io.portus.storage.Digest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Events reach RegistryEventListener beans with distribution's envelope fields. */
class RegistryEventsTest extends RegistryTestBase {

    @TestConfiguration
    static class Listener {
        @Bean
        BlockingQueue<RegistryEvent> received() {
            return new LinkedBlockingQueue<>();
        }

        @Bean
        RegistryEventListener collecting(BlockingQueue<RegistryEvent> received) {
            return received::add;
        }
    }

    @Autowired
    BlockingQueue<RegistryEvent> received;

    @BeforeEach
    void clear() {
        received.clear();
    }

    /** The next {@code n} events (delivery is asynchronous, so this waits for them). */
    private List<RegistryEvent> next(int n) throws InterruptedException {
        List<RegistryEvent> events = new ArrayList<>();
        while (events.size() < n) {
            RegistryEvent e = received.poll(30, TimeUnit.SECONDS);
            assertThat(e).as("event %d of %d", events.size() + 1, n).isNotNull();
            events.add(e);
        }
        return events;
    }

    @Test
    void blobPushAndPullEvents() throws InterruptedException {
        byte[] blob = Content.random(123);
        Digest digest = client.pushBlob("events/blobs", blob);
        RegistryEvent push = next(1).getFirst();
        assertThat(push.action()).isEqualTo("push");
        assertThat(push.id()).isNotBlank();
        assertThat(push.timestamp()).isNotNull();
        RegistryEvent.Target t = push.target();
        assertThat(t.mediaType()).isEqualTo("application/octet-stream");
        assertThat(t.size()).isEqualTo(123L);
        assertThat(t.length()).isEqualTo(123L);
        assertThat(t.digest()).isEqualTo(digest.toString());
        assertThat(t.repository()).isEqualTo("events/blobs");
        assertThat(t.url()).isEqualTo(client.base() + "/v2/events/blobs/blobs/" + digest);
        assertThat(t.tag()).isNull();
        assertThat(push.request().method()).isEqualTo("PUT");
        assertThat(push.request().id()).isNotBlank();
        assertThat(push.request().addr()).startsWith("127.0.0.1:");
        assertThat(push.request().host()).isEqualTo("127.0.0.1:" + port);
        assertThat(push.request().useragent()).isNotBlank();
        assertThat(push.actor().name()).isEmpty();
        assertThat(push.source().addr()).endsWith(":" + port);
        assertThat(push.source().instanceID()).isNotBlank();

        client.get("/v2/events/blobs/blobs/" + digest);
        client.head("/v2/events/blobs/blobs/" + digest);
        List<RegistryEvent> pulls = next(2);
        assertThat(pulls).extracting(RegistryEvent::action).containsExactly("pull", "pull");
        assertThat(pulls).extracting(e -> e.request().method()).containsExactly("GET", "HEAD");
        assertThat(pulls).extracting(e -> e.target().digest()).containsOnly(digest.toString());
    }

    @Test
    void manifestPushPullAndDeleteEvents() throws InterruptedException {
        Content.Image image = Content.pushImage(client, "events/app", "v1");
        List<RegistryEvent> pushes = next(3);
        assertThat(pushes).extracting(RegistryEvent::action).containsOnly("push");
        RegistryEvent manifest = pushes.get(2);
        assertThat(manifest.target().mediaType()).isEqualTo(Content.OCI_MANIFEST);
        assertThat(manifest.target().tag()).isEqualTo("v1");
        assertThat(manifest.target().digest()).isEqualTo(image.digest().toString());
        assertThat(manifest.target().size()).isEqualTo(image.manifest().length);
        assertThat(manifest.target().url()).isEqualTo(client.base() + "/v2/events/app/manifests/" + image.digest());
        assertThat(manifest.target().references()).extracting(RegistryEvent.Descriptor::digest)
                .containsExactly(image.config().toString(), image.layer().toString());

        client.pushManifest("events/app", "v2", Content.OCI_MANIFEST, image.manifest());
        assertThat(next(1).getFirst().target().tag()).isEqualTo("v2");

        client.get("/v2/events/app/manifests/v1");
        client.head("/v2/events/app/manifests/" + image.digest());
        List<RegistryEvent> pulls = next(2);
        assertThat(pulls).extracting(RegistryEvent::action).containsExactly("pull", "pull");
        assertThat(pulls.get(0).target().tag()).isEqualTo("v1");
        assertThat(pulls.get(1).target().tag()).isNull();
        assertThat(pulls.get(1).request().method()).isEqualTo("HEAD");

        client.delete("/v2/events/app/manifests/v2");
        RegistryEvent tagDelete = next(1).getFirst();
        assertThat(tagDelete.action()).isEqualTo("delete");
        assertThat(tagDelete.target().repository()).isEqualTo("events/app");
        assertThat(tagDelete.target().tag()).isEqualTo("v2");
        assertThat(tagDelete.target().digest()).isNull();

        client.pushManifest("events/app", "v3", Content.OCI_MANIFEST, image.manifest());
        next(1);
        client.delete("/v2/events/app/manifests/" + image.digest());
        List<RegistryEvent> deletes = next(3);
        assertThat(deletes).extracting(RegistryEvent::action).containsOnly("delete");
        assertThat(deletes.get(0).target().digest()).isEqualTo(image.digest().toString());
        assertThat(deletes.get(0).target().tag()).isNull();
        assertThat(deletes.get(0).target().mediaType()).isNull();
        assertThat(deletes.subList(1, 3)).extracting(e -> e.target().tag()).containsExactly("v1", "v3");

        client.delete("/v2/events/app/blobs/" + image.layer());
        RegistryEvent blobDelete = next(1).getFirst();
        assertThat(blobDelete.target().digest()).isEqualTo(image.layer().toString());
        assertThat(blobDelete.target().repository()).isEqualTo("events/app");
    }

    @Test
    void mountEventCarriesTheSourceRepository() throws InterruptedException {
        Digest digest = client.pushBlob("events/source", Content.random(10));
        next(1);
        client.post("/v2/events/target/blobs/uploads/?mount=" + digest + "&from=events/source", new byte[0]);
        RegistryEvent mount = next(1).getFirst();
        assertThat(mount.action()).isEqualTo("mount");
        assertThat(mount.target().repository()).isEqualTo("events/target");
        assertThat(mount.target().fromRepository()).isEqualTo("events/source");
        assertThat(mount.target().digest()).isEqualTo(digest.toString());
        assertThat(mount.target().size()).isEqualTo(10L);
    }

    @Test
    void failedRequestsEmitNothing() throws InterruptedException {
        client.get("/v2/events/none/manifests/missing");
        client.get("/v2/events/none/blobs/" + Digest.sha256(new byte[9]));
        client.putManifest("events/none", "x", Content.OCI_MANIFEST, "{}".getBytes());
        Digest marker = client.pushBlob("events/none", Content.random(5));
        RegistryEvent first = next(1).getFirst();
        assertThat(first.target().digest()).as("the first event is the marker push").isEqualTo(marker.toString());
    }

    @Test
    void serialisedInDistributionsFormatWithoutEmptyFields() throws InterruptedException {
        client.pushBlob("events/json", Content.random(3));
        RegistryEvent push = next(1).getFirst();
        JsonNode json = JsonMapper.builder().build().valueToTree(push);
        assertThat(json.path("target").has("fromRepository")).isFalse();
        assertThat(json.path("target").has("tag")).isFalse();
        assertThat(json.path("target").has("references")).isFalse();
        assertThat(json.path("target").path("size").asLong()).isEqualTo(3);
        assertThat(json.path("source").has("instanceID")).isTrue();
        assertThat(json.path("request").has("useragent")).isTrue();
        assertThat(json.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(json.path("actor").has("name")).isFalse();
    }
}
