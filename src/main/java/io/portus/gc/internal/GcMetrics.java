package io.portus.gc.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Prometheus: {@code portus_gc_runs_total{result,dry_run}}, {@code portus_gc_blobs_deleted_total},
 * {@code portus_gc_bytes_freed_total}, {@code portus_gc_manifests_deleted_total} (real runs only),
 * {@code portus_gc_duration_seconds{result}} and {@code portus_gc_last_success_timestamp_seconds}.
 */
final class GcMetrics {

    private final MeterRegistry registry;
    private final Counter blobs;
    private final Counter bytes;
    private final Counter manifests;
    private final AtomicLong lastSuccess = new AtomicLong();

    GcMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.blobs = Counter.builder("portus.gc.blobs.deleted").description("blobs deleted by garbage collection")
                .register(registry);
        this.bytes = Counter.builder("portus.gc.bytes.freed").description("bytes freed by garbage collection")
                .register(registry);
        this.manifests = Counter.builder("portus.gc.manifests.deleted")
                .description("untagged manifests deleted by garbage collection").register(registry);
        Gauge.builder("portus.gc.last.success.timestamp", lastSuccess, AtomicLong::get).baseUnit("seconds")
                .description("end of the last successful garbage collection (Unix time)").register(registry);
    }

    void record(String result, boolean dryRun, Progress p, Duration took) {
        Counter.builder("portus.gc.runs").tag("result", result).tag("dry_run", Boolean.toString(dryRun))
                .description("garbage collections").register(registry).increment();
        Timer.builder("portus.gc.duration").tag("result", result).description("duration of garbage collections")
                .register(registry).record(took);
        if (!dryRun) {
            blobs.increment(p.blobsDeleted.get());
            bytes.increment(p.bytesFreed.get());
            manifests.increment(p.manifestsDeleted.get());
        }
        if ("done".equals(result)) {
            lastSuccess.set(System.currentTimeMillis() / 1000);
        }
    }
}
