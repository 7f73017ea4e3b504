package io.portus.gc.internal;

import io.portus.catalog.Poll;
import io.portus.common.InvalidSettingException;
import io.portus.common.PageQuery;
import io.portus.gc.GcProperties;
import io.portus.gc.GcRun;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code portus.gc.schedule}: a cron schedule starts runs by itself (started by nobody); a bad one stops start-up. */
@ContextConfiguration(initializers = OnDatabase.OwnH2.class)
@TestPropertySource(properties = "portus.gc.schedule=*/2 * * * * *")
class GcScheduleTest extends DatabaseTest {

    @Autowired
    GcRuns runs;

    @Test
    void theScheduleStartsRuns() {
        GcRun run = Poll.until("a scheduled run", () -> runs.page(new PageQuery(0, 10, "id", true)).items().stream()
                .filter(r -> r.startedBy() == null && !r.running()).findFirst());
        assertThat(run.state()).isEqualTo(GcRun.DONE);
        assertThat(run.dryRun()).isFalse();
    }

    @Test
    void aScheduleThatIsNoCronExpressionIsRefusedByName() {
        assertThatThrownBy(() -> new GcScheduler("every night", null, null, null))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("PORTUS_GC_SCHEDULE");
    }

    @Test
    void aNegativeGracePeriodIsRefusedByName() {
        assertThatThrownBy(() -> GcConfiguration.validate(new GcProperties("", java.time.Duration.ofMinutes(-1), true,
                java.time.Duration.ofSeconds(10)))).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("PORTUS_GC_GRACE_PERIOD");
    }
}
