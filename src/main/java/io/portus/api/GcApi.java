package io.portus.api;

import java.time.Instant;
import java.util.List;

import io.portus.account.User;
import io.portus.common.NotFoundException;
import io.portus.gc.GcRun;
import io.portus.gc.GcService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code /api/v1/gc} (admins): {@code POST} {@code {"dry_run": bool}} starts a garbage collection of the built-in
 * registry (202; 409 while one runs on any instance), {@code GET /N} one run with its progress, {@code GET} the runs
 * (paged, newest first unless sorted otherwise).
 */
@RestController
@RequestMapping("/api/v1/gc")
class GcApi {

    private final GcService gc;

    GcApi(GcService gc) {
        this.gc = gc;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiFields({"dry_run:boolean only report what would be deleted"})
    ResponseEntity<GcJson> start(@ApiActor(admin = true) User actor, ApiParams params) {
        boolean dryRun = Boolean.TRUE.equals(params.bool("dry_run"));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(GcJson.of(gc.start(actor, dryRun)));
    }

    @GetMapping("/{id}")
    GcJson show(@ApiActor(admin = true) User actor, @PathVariable long id) {
        return GcJson.of(gc.find(actor, id).orElseThrow(() -> new NotFoundException("garbage collection " + id + " not found")));
    }

    @GetMapping
    ResponseEntity<List<GcJson>> list(@ApiActor(admin = true) User actor, ApiParams params) {
        return Paging.page(params, GcService.sortAttributes(), false, q -> gc.page(actor, q).map(GcJson::of));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GcJson(long id, String state, boolean dryRun, String phase,
                  String startedBy,
                  long repositoriesScanned,
                  long blobsScanned, long blobsDeleted,
                  long bytesFreed, long manifestsDeleted,
                  String error, Instant startedAt,
                  Instant finishedAt) {

        static GcJson of(GcRun r) {
            return new GcJson(r.id(), r.state(), r.dryRun(), r.phase(), r.startedBy(), r.repositoriesScanned(),
                    r.blobsScanned(), r.blobsDeleted(), r.bytesFreed(), r.manifestsDeleted(), r.error(), r.startedAt(),
                    r.finishedAt());
        }
    }
}
