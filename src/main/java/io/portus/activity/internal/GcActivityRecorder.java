package io.portus.activity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.portus.activity.Activity;
import io.portus.gc.GcRun;
import io.portus.gc.GcRunFinished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code gc.run}: a garbage collection ended (state, dry run, counts as parameters); owned by the admin who started
 * it, or "schedule". Admins see it.
 */
@Component
class GcActivityRecorder {

    private final ActivityStore store;

    GcActivityRecorder(ActivityStore store) {
        this.store = store;
    }

    @EventListener
    void on(GcRunFinished e) {
        GcRun run = e.run();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("state", run.state());
        p.put("dry_run", Boolean.toString(run.dryRun()));
        p.put("manifests_deleted", Long.toString(run.manifestsDeleted()));
        p.put("blobs_deleted", Long.toString(run.blobsDeleted()));
        p.put("bytes_freed", Long.toString(run.bytesFreed()));
        if (run.error() != null) {
            p.put("error", run.error());
        }
        store.insert(new Activity(0, "gc.run", e.actorId(), e.actorName() == null ? "schedule" : e.actorName(), "GarbageCollection", run.id(),
                "garbage collection " + run.id(), null, null, null, null, null, p, null));
    }
}
