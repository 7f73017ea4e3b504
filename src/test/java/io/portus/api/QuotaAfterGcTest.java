package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.catalog.Poll;
import io.portus.gc.GcRun;
import io.portus.gc.GcService;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The collector deletes untagged manifests in storage, not through the registry's deletes: the quota gets their
 * space back when the run ends (rules recount on {@code GcRunFinished}). Own database: the run collects this
 * context's registry only.
 */
@ContextConfiguration(initializers = OnDatabase.OwnH2.class)
@TestPropertySource(properties = "portus.gc.grace-period=1s")
class QuotaAfterGcTest extends RulesTestBase {

    @Autowired GcService gc;

    @Test
    void aCollectedUntaggedManifestGivesItsSpaceBack() throws InterruptedException {
        String repo = t.namespace + "/app";
        var kept = registry.push(repo, "1", 1000);
        var untagged = registry.blobs(repo, 700);
        assertThat(registry.put(repo, untagged.digest(), untagged).statusCode()).isEqualTo(201);
        rulesOf("{\"quota_bytes\":100000000}");
        assertThat(used()).isEqualTo(kept.counted() + untagged.counted());

        Thread.sleep(1500); // older than the grace period: the untagged manifest and its blobs may go
        User actor = users.changeAdmin(users.create(NewUser.regular(unique("gc"), unique("gc") + "@example.com",
                "password-of-gc-admin")), true);
        long id = gc.start(actor, false).id();
        GcRun run = Poll.until("gc run " + id, () -> gc.find(actor, id).filter(r -> !GcRun.RUNNING.equals(r.state())));

        assertThat(run.state()).as(String.valueOf(run.error())).isEqualTo(GcRun.DONE);
        assertThat(run.manifestsDeleted()).isEqualTo(1);
        assertThat(registry.get(repo, untagged.digest())).isEqualTo("404");
        // the run is "done" in the database just before GcRunFinished is published, so wait for the recount
        Poll.until("usage back to the kept image", () -> java.util.Optional.of(used()).filter(u -> u == kept.counted()));
    }
}
