package io.portus.gc;

/** Published when a collection ends (done or failed); {@code actorId} is null for a scheduled run. */
public record GcRunFinished(GcRun run, Long actorId, String actorName) {
}
