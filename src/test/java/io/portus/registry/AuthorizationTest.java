package io.portus.registry;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token mode with a stand-in AccessController: the registry asks for exactly distribution's accesses and
 * answers challenges with 401/403, WWW-Authenticate and the JSON error.
 */
@TestPropertySource(properties = "portus.registry.auth=token")
class AuthorizationTest extends RegistryTestBase {

    private static final String OK = "Bearer ok";

    /** Grants "Bearer ok" as alice, refuses "Bearer forbidden" with 403, challenges everything else. */
    static final class RecordingAccessController implements AccessController {
        final List<List<Access>> requests = new CopyOnWriteArrayList<>();

        @Override
        public Decision authorize(String authorization, List<Access> required) {
            requests.add(required);
            if (OK.equals(authorization)) {
                return new Granted("alice");
            }
            if ("Bearer forbidden".equals(authorization)) {
                return new Challenge(true, null, "DENIED", "requested access to the resource is denied", required);
            }
            String scope = String.join(" ", required.stream().map(Access::toString).toList());
            return new Challenge(false, "Bearer realm=\"http://auth.example/v2/token\",service=\"registry\""
                    + (scope.isEmpty() ? "" : ",scope=\"" + scope + "\""), "UNAUTHORIZED", "authentication required", required);
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        RecordingAccessController recordingAccessController() {
            return new RecordingAccessController();
        }

        @Bean
        BlockingQueue<RegistryEvent> events() {
            return new LinkedBlockingQueue<>();
        }

        @Bean
        RegistryEventListener collect(BlockingQueue<RegistryEvent> events) {
            return events::add;
        }
    }

    @Autowired
    RecordingAccessController controller;
    @Autowired
    BlockingQueue<RegistryEvent> events;

    @BeforeEach
    void reset() {
        controller.requests.clear();
    }

    private List<String> lastAccesses() {
        return controller.requests.getLast().stream().map(AccessController.Access::toString).toList();
    }

    @Test
    void anonymousBaseIsChallengedWithoutScope() {
        Response r = client.get("/v2/");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"http://auth.example/v2/token\",service=\"registry\"");
        assertThat(r.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(r.json().path("errors").path(0).path("detail").isArray()).isTrue();
        assertThat(lastAccesses()).isEmpty();
        assertThat(client.get("/v2/", "Authorization", OK).status()).isEqualTo(200);
    }

    @Test
    void challengeNamesTheMissingAccesses() {
        Response r = client.get("/v2/team/app/manifests/latest");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).contains("scope=\"repository:team/app:pull\"");
        assertThat(r.json().path("errors").path(0).path("detail").path(0).path("Type").asString()).isEqualTo("repository");
        assertThat(r.json().path("errors").path(0).path("detail").path(0).path("Name").asString()).isEqualTo("team/app");
        assertThat(r.json().path("errors").path(0).path("detail").path(0).path("Action").asString()).isEqualTo("pull");
        Response head = client.head("/v2/team/app/manifests/latest");
        assertThat(head.status()).isEqualTo(401);
        assertThat(head.header("WWW-Authenticate")).isNotBlank();
    }

    @Test
    void forbiddenIs403Denied() {
        Response r = client.get("/v2/team/app/tags/list", "Authorization", "Bearer forbidden");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("DENIED");
    }

    @Test
    void requiredAccessesPerOperationAreDistributions() {
        String d = Digest.sha256("x".getBytes()).toString();
        client.get("/v2/ns/app/manifests/v1");
        assertThat(lastAccesses()).containsExactly("repository:ns/app:pull");
        client.head("/v2/ns/app/blobs/" + d);
        assertThat(lastAccesses()).containsExactly("repository:ns/app:pull");
        client.get("/v2/ns/app/tags/list");
        assertThat(lastAccesses()).containsExactly("repository:ns/app:pull");
        client.get("/v2/ns/app/referrers/" + d);
        assertThat(lastAccesses()).containsExactly("repository:ns/app:pull");
        client.put("/v2/ns/app/manifests/v1", new byte[0]);
        assertThat(lastAccesses()).containsExactly("repository:ns/app:pull", "repository:ns/app:push");
        client.post("/v2/ns/app/blobs/uploads/", new byte[0]);
        assertThat(lastAccesses()).containsExactly("repository:ns/app:pull", "repository:ns/app:push");
        client.patch("/v2/ns/app/blobs/uploads/00000000-0000-0000-0000-000000000000", new byte[0]);
        assertThat(lastAccesses()).containsExactly("repository:ns/app:pull", "repository:ns/app:push");
        client.delete("/v2/ns/app/manifests/v1");
        assertThat(lastAccesses()).containsExactly("repository:ns/app:delete");
        client.delete("/v2/ns/app/blobs/" + d);
        assertThat(lastAccesses()).containsExactly("repository:ns/app:delete");
        client.post("/v2/ns/app/blobs/uploads/?mount=" + d + "&from=other/repo", new byte[0]);
        assertThat(lastAccesses()).containsExactly("repository:ns/app:pull", "repository:ns/app:push",
                "repository:other/repo:pull");
        client.get("/v2/_catalog");
        assertThat(lastAccesses()).containsExactly("registry:catalog:*");
    }

    @Test
    void invalidNamesAndMethodsAreRefusedBeforeAccessControl() {
        assertThat(client.get("/v2/Bad/manifests/x").status()).isEqualTo(400);
        assertThat(client.post("/v2/ns/app/manifests/x", new byte[0]).status()).isEqualTo(405);
        assertThat(controller.requests).isEmpty();
    }

    @Test
    void grantedRequestsWorkAndEventsCarryTheActor() throws InterruptedException {
        events.clear();
        byte[] blob = Content.random(10);
        Digest digest = Digest.sha256(blob);
        Response start = client.post("/v2/alice/app/blobs/uploads/", new byte[0], "Authorization", OK);
        assertThat(start.status()).isEqualTo(202);
        Response put = client.put(RegistryClient.withQuery(start.header("Location"), "digest=" + digest), blob,
                "Authorization", OK);
        assertThat(put.status()).isEqualTo(201);
        RegistryEvent push = events.poll(30, TimeUnit.SECONDS);
        assertThat(push).isNotNull();
        assertThat(push.actor().name()).isEqualTo("alice");
        assertThat(client.get("/v2/alice/app/blobs/" + digest).status()).isEqualTo(401);
    }
}
