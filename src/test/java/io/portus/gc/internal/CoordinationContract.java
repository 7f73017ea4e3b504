package io.portus.gc.internal;

import java.time.Duration;
import java.time.Instant;

import io.portus.common.DbClock;
import io.portus.storage.Digest;
import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-shake's SQL ({@link DbCoordination}) on one database: upserted touches, deletion rows, pruning. */
abstract class CoordinationContract extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DbClock clock;

    DbCoordination coordination;
    Digest d;

    @BeforeEach
    void setUp() {
        coordination = new DbCoordination(jdbc, clock);
        d = GcFixture.digestOf(unique("content").getBytes());
    }

    @Test
    void touchesAreUpsertedAtTheDatabasesTime() {
        Instant before = coordination.now();
        assertThat(coordination.touchedSince(d, before)).isFalse();
        coordination.touch(d);
        assertThat(coordination.touchedSince(d, before)).isTrue();
        assertThat(coordination.touchedSince(before)).contains(d);

        Instant between = coordination.now();
        assertThat(coordination.touchedSince(d, between.plusSeconds(60))).isFalse();
        coordination.touch(d); // second touch: an update, not a duplicate
        assertThat(coordination.touchedSince(d, between)).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM blob_touches WHERE digest = ?").param(d.toString())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDigestHasOneDeletionRowAtATime() {
        assertThat(coordination.deletionPending(d)).isFalse();
        assertThat(coordination.beginDeletion(1, d)).isTrue();
        assertThat(coordination.deletionPending(d)).isTrue();
        assertThat(coordination.beginDeletion(2, d)).isFalse();
        coordination.endDeletion(d);
        assertThat(coordination.deletionPending(d)).isFalse();
        assertThat(coordination.beginDeletion(3, d)).isTrue();
        coordination.endDeletion(d);
    }

    @Test
    void pruningForgetsOnlyTouchesOlderThanTheCutoff() {
        coordination.touch(d);
        Instant now = coordination.now();
        coordination.pruneTouches(now.minus(Duration.ofHours(1)));
        assertThat(coordination.touchedSince(d, now.minus(Duration.ofHours(1)))).isTrue();
        coordination.pruneTouches(now.plusSeconds(1));
        assertThat(coordination.touchedSince(d, Instant.EPOCH)).isFalse();
    }
}
