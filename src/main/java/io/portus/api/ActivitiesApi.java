package io.portus.api;

import java.util.List;

import io.portus.account.User;
import io.portus.activity.ActivityService;
import io.portus.api.CatalogJson.ActivityJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/activities} (newest first, paginated, what the caller may see) and
 * {@code GET /api/v1/activities.csv} (all of it, Portus's CSV columns).
 */
@RestController
class ActivitiesApi {

    private final ActivityService activities;

    ActivitiesApi(ActivityService activities) {
        this.activities = activities;
    }

    @GetMapping("/api/v1/activities")
    ResponseEntity<List<ActivityJson>> list(@ApiActor User actor, ApiParams params) {
        return Paging.page(activities.visibleTo(actor).stream().map(ActivityJson::of).toList(), params);
    }

    @GetMapping("/api/v1/activities.csv")
    ResponseEntity<String> csv(@ApiActor User actor) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"activities.csv\"")
                .body(activities.csv(activities.visibleTo(actor)));
    }
}
