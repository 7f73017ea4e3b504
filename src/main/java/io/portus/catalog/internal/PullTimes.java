package io.portus.catalog.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The tags' "last pulled" times of the built-in registry. A pull is the registry's most frequent request,
 * so pulls are not stored as events one by one: the latest time per tag (or digest) is kept here and
 * written every {@link #FLUSH_SECONDS} seconds, one UPDATE per pulled tag. A crash loses at most those
 * seconds of pull times, never a push or a delete; while the database is away at most {@link #MAX_PENDING}
 * distinct pulls are kept.
 *
 * <p>Kept per instance on purpose, also with several instances: a pull time is a statistic, not something a
 * client was promised (the pull itself is answered from storage), and storing each pull would put a database
 * write on the registry's most frequent request. Each instance flushes its own pulls; the UPDATE only moves a
 * tag's time forward, so the latest pull wins whichever instance served it and flushed first.
 */
@Component
class PullTimes implements SmartLifecycle {

    static final int FLUSH_SECONDS = 5;
    /** At most this many distinct pulls wait for a flush; more are dropped until the next flush succeeds. */
    static final int MAX_PENDING = 100_000;
    private static final Logger log = LoggerFactory.getLogger(PullTimes.class);

    /** What was pulled: a tag by name, or (tag null) the tags pointing at a digest. */
    record Pulled(String repository, String tag, String digest) {
    }

    private final Map<Pulled, Instant> latest = new ConcurrentHashMap<>();
    private final CatalogWriter writer;
    private final RegistryService registries;
    private volatile ScheduledExecutorService flusher;

    PullTimes(CatalogWriter writer, RegistryService registries) {
        this.writer = writer;
        this.registries = registries;
    }

    void record(String repository, String tag, String digest, Instant at) {
        Pulled pulled = new Pulled(repository, tag, digest);
        if (latest.size() >= MAX_PENDING && !latest.containsKey(pulled)) {
            return; // the database is not keeping up (or down): pull times are best effort, memory is not
        }
        latest.merge(pulled, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Writes what was recorded since the last flush. */
    void flush() {
        if (latest.isEmpty()) {
            return;
        }
        Registry builtin = registries.builtin().orElse(null);
        if (builtin == null) {
            return;
        }
        for (Pulled p : latest.keySet()) {
            Instant at = latest.remove(p);
            if (at == null) {
                continue;
            }
            try {
                writer.pulled(builtin, p.repository(), p.tag(), p.digest(), at);
            } catch (RuntimeException e) {
                latest.merge(p, at, (a, b) -> a.isAfter(b) ? a : b);
                log.warn("cannot record pull times ({}); retrying in {} s", e.getMessage(), FLUSH_SECONDS);
                return;
            }
        }
    }

    @Override
    public void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("pull-times").daemon().factory());
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("pull times not written: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService f = flusher;
        if (f != null) {
            f.shutdownNow();
            flusher = null;
        }
        flushQuietly();
    }

    @Override
    public boolean isRunning() {
        return flusher != null;
    }

    /** Stops after the registry's dispatcher, like the event recorder, so the last pulls get written. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
