package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.portus.account.ApplicationTokenService;
import io.portus.account.UserService;
import io.portus.catalog.CatalogService;
import io.portus.catalog.Poll;
import io.portus.catalog.TestPusher;
import io.portus.namespace.RegistryService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Retention runs that cannot delete: with {@code portus.delete.enabled} off a run is a 405 (a dry run still
 * answers), and when the registry refuses every delete each tag is reported kept with the refusal, every digest
 * is tried, and nothing changes.
 */
class RetentionRefusalsTest {

    @ContextConfiguration(initializers = OnDatabase.H2.class)
    abstract static class WithImages extends DatabaseTest {

        @Autowired UserService users;
        @Autowired ApplicationTokenService tokens;
        @Autowired RegistryService registries;
        @Autowired CatalogService catalog;

        TeamFixture t;
        TestPusher pusher;
        String path;
        String app;
        TestPusher.Pushed v1;
        TestPusher.Pushed v2;

        @BeforeEach
        void setUp() {
            long builtin = TeamFixture.builtinRegistry(registries);
            int port = Integer.parseInt(environment.getProperty("local.server.port"));
            t = new TeamFixture(users, tokens, port, builtin, DatabaseTest::unique);
            pusher = new TestPusher("http://127.0.0.1:" + port);
            path = "/api/v1/namespaces/" + t.namespaceId + "/retention";
            app = t.namespace + "/app";
            v1 = pusher.image(app, "v1", TestPusher.OCI_MANIFEST, 1, 32);
            v2 = pusher.image(app, "v2", TestPusher.OCI_MANIFEST, 1, 32);
            pusher.image(app, "keep", TestPusher.OCI_MANIFEST, 1, 32);
            Poll.until(app + " with 3 tags", () -> catalog.find(builtin, app).filter(r -> r.tagCount() == 3));
            var saved = t.asOwner.put(path, "{\"retention\":{\"rules\":[{\"pattern\":\"^keep$\",\"kind\":\"always\"}]}}");
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        }

        int manifest(String digest) {
            return pusher.manifestStatus(app, digest);
        }
    }

    @Nested
    @TestPropertySource(properties = "portus.delete.enabled=false")
    class DeletesDisabled extends WithImages {

        @Test
        void aRunIs405AndADryRunStillAnswers() {
            var run = t.asOwner.post(path + "/run", "{}");
            assertThat(run.status()).isEqualTo(405);
            assertThat(run.json().get("error").asString()).contains("PORTUS_DELETE_ENABLED");
            var dry = t.asOwner.post(path + "/dry_run", "{}");
            assertThat(dry.status()).isEqualTo(200);
            assertThat(dry.json().findValues("delete").stream().filter(JsonNode::asBoolean).count()).isEqualTo(2);
            assertThat(manifest(v1.digest())).isEqualTo(200);
        }
    }

    @Nested
    @TestPropertySource(properties = "portus.registry.storage.delete-enabled=false")
    class RegistryRefuses extends WithImages {

        @Test
        void everyRefusedTagIsKeptWithTheReasonAndTheOthersAreStillTried() {
            var run = t.asOwner.post(path + "/run", "{}");

            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            assertThat(run.json().findValues("delete")).allMatch(d -> !d.asBoolean());
            var byTag = RetentionApiContract.byTag(run.json());
            for (String tag : new String[] {"v1", "v2"}) {
                assertThat(byTag.get(app + ":" + tag).get("reason").asString())
                        .startsWith("the delete was refused:").contains("REGISTRY_STORAGE_DELETE_ENABLED=false");
            }
            assertThat(byTag.get(app + ":keep").get("reason").asString()).startsWith("kept by rule 1");
            assertThat(manifest(v1.digest())).isEqualTo(200);
            assertThat(manifest(v2.digest())).isEqualTo(200);
        }
    }
}
