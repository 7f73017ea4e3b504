package io.portus.config;

import java.io.IOException;
import java.time.Duration;

import io.portus.common.JobLeases;
import io.portus.common.LeasedLoop;
import io.portus.common.LoopOwner;
import io.portus.storage.RegistryStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes upload sessions older than {@code portus.registry.uploads.purge-age} every {@code purge-interval}, on
 * the instance holding the {@code upload-purge} lease: instances sharing the storage purge once per interval,
 * not once each. The first purge runs one interval after start, as before.
 */
final class UploadPurgeJob extends LoopOwner {

    static final String LEASE = "upload-purge";
    private static final Logger log = LoggerFactory.getLogger(UploadPurgeJob.class);

    private final RegistryStorage storage;
    private final Duration age;
    private final Duration interval;
    private final LeasedLoop loop;
    private volatile boolean first = true;

    UploadPurgeJob(RegistryStorage storage, Duration age, Duration interval, JobLeases leases) {
        this.storage = storage;
        this.age = age;
        this.interval = interval;
        this.loop = new LeasedLoop(new LeasedLoop.Settings("upload-purge", LEASE, interval.plusMinutes(5), interval,
                Duration.ofSeconds(10)), leases, this::round, e -> log.warn("purging upload sessions failed: {}", e.toString()));
    }

    private Duration round() {
        if (first) {
            first = false;
            return interval;
        }
        try {
            int purged = storage.purgeUploads(age);
            if (purged > 0) {
                log.info("purged {} upload sessions older than {}", purged, age);
            }
        } catch (IOException e) {
            log.warn("purging upload sessions failed: {}", e.toString());
        }
        return interval;
    }

    @Override
    protected LeasedLoop loop() {
        return loop;
    }
}
