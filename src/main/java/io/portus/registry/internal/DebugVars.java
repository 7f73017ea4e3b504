package io.portus.registry.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of {@code /debug/vars}: uptime, memory, threads, registry request counts. */
final class DebugVars {

    private final RegistryMetrics metrics;

    DebugVars(RegistryMetrics metrics) {
        this.metrics = metrics;
    }

    Map<String, Object> snapshot() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        var threads = ManagementFactory.getThreadMXBean();
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heapUsed", heap.getUsed());
        memory.put("heapCommitted", heap.getCommitted());
        memory.put("heapMax", heap.getMax());
        memory.put("nonHeapUsed", nonHeap.getUsed());
        Map<String, Object> requests = new LinkedHashMap<>();
        Map<String, Long> counts = metrics.requestCounts();
        requests.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
        requests.put("byOperation", counts);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("uptimeSeconds", runtime.getUptime() / 1000);
        vars.put("startTime", java.time.Instant.ofEpochMilli(runtime.getStartTime()).toString());
        vars.put("javaVersion", Runtime.version().toString());
        vars.put("processors", Runtime.getRuntime().availableProcessors());
        vars.put("memory", memory);
        vars.put("threads", Map.of("live", threads.getThreadCount(), "peak", threads.getPeakThreadCount(),
                "daemon", threads.getDaemonThreadCount()));
        vars.put("uploadsInflight", metrics.uploadsInflight());
        vars.put("requests", requests);
        return vars;
    }
}
