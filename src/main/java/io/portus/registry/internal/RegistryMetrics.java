package io.portus.registry.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters of the registry: timer {@code portus.registry.requests} (tags operation, method,
 * status), counters {@code portus.registry.bytes.in}/{@code .out} and {@code portus.registry.events.dropped},
 * gauge {@code portus.registry.uploads.inflight} (upload requests being received right now). Also keeps
 * per-operation request counts for {@code /debug/vars}.
 */
final class RegistryMetrics {

    private final MeterRegistry registry;
    private final Counter bytesIn;
    private final Counter bytesOut;
    private final Counter eventsDropped;
    private final AtomicInteger uploadsInflight = new AtomicInteger();
    private static final java.util.Set<String> KNOWN_METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH",
            "DELETE", "OPTIONS");

    /** Keyed by operation, method tag ({@link #methodTag}) and status: bounded by those finite sets. */
    private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    RegistryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytesIn = Counter.builder("portus.registry.bytes.in")
                .description("Bytes received in registry request bodies").register(registry);
        this.bytesOut = Counter.builder("portus.registry.bytes.out")
                .description("Bytes sent in registry response bodies").register(registry);
        this.eventsDropped = Counter.builder("portus.registry.events.dropped")
                .description("Registry events dropped because the listener queue was full").register(registry);
        Gauge.builder("portus.registry.uploads.inflight", uploadsInflight, AtomicInteger::get)
                .description("Upload requests (POST/PATCH/PUT of blob data) in progress").register(registry);
    }

    /**
     * The request method as a metric tag: any method a client may invent ({@code BREW}) is {@code OTHER}, so
     * the timers (one per operation, method and status) stay a small, fixed set.
     */
    static String methodTag(String method) {
        return KNOWN_METHODS.contains(method) ? method : "OTHER";
    }

    void record(String operation, String method, int status, long nanos, long in, long out) {
        String key = operation + '|' + method + '|' + status;
        timers.computeIfAbsent(key, k -> Timer.builder("portus.registry.requests")
                .description("Registry requests by operation")
                .tag("operation", operation).tag("method", method).tag("status", Integer.toString(status))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        requestCounts.computeIfAbsent(operation, k -> new LongAdder()).increment();
        if (in > 0) {
            bytesIn.increment(in);
        }
        if (out > 0) {
            bytesOut.increment(out);
        }
    }

    void uploadStarted() {
        uploadsInflight.incrementAndGet();
    }

    void uploadEnded() {
        uploadsInflight.decrementAndGet();
    }

    void eventDropped() {
        eventsDropped.increment();
    }

    /** Requests so far by operation, sorted (for {@code /debug/vars}). */
    Map<String, Long> requestCounts() {
        Map<String, Long> counts = new TreeMap<>();
        requestCounts.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    int uploadsInflight() {
        return uploadsInflight.get();
    }
}
