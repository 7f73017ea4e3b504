package io.portus.gc;

import java.util.Optional;
import java.util.Set;

import io.portus.account.User;
import io.portus.common.ForbiddenException;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.gc.internal.GcRunner;
import io.portus.gc.internal.GcRuns;
import org.springframework.stereotype.Service;

/**
 * Garbage collection of the built-in registry, for admins: start a run (202-style: it goes on in the background;
 * {@link io.portus.common.ConflictException} when one runs on any instance), read one, list them.
 */
@Service
public class GcService {

    private final GcRunner runner;
    private final GcRuns runs;

    GcService(GcRunner runner, GcRuns runs) {
        this.runner = runner;
        this.runs = runs;
    }

    public GcRun start(User actor, boolean dryRun) {
        requireAdmin(actor);
        return runner.start(dryRun, actor.id(), actor.username());
    }

    public Optional<GcRun> find(User actor, long id) {
        requireAdmin(actor);
        return runs.find(id);
    }

    public Page<GcRun> page(User actor, PageQuery query) {
        requireAdmin(actor);
        return runs.page(query);
    }

    /** Attributes {@link #page} sorts by. */
    public static Set<String> sortAttributes() {
        return GcRuns.SORT_ATTRIBUTES;
    }

    private static void requireAdmin(User actor) {
        if (!actor.admin()) {
            throw new ForbiddenException("only administrators may run the garbage collector");
        }
    }
}
