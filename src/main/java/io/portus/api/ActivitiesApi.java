package io.portus.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import io.portus.account.User;
import io.portus.activity.ActivityFilter;
import io.portus.activity.ActivityService;
import io.portus.api.CatalogJson.ActivityJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/activities} (newest first unless sorted otherwise, paginated in the database, what the
 * caller may see) and {@code GET /api/v1/activities.csv} (all of it, Portus's CSV columns, streamed).
 */
@RestController
class ActivitiesApi {

    private final ActivityService activities;

    ActivitiesApi(ActivityService activities) {
        this.activities = activities;
    }

    @GetMapping("/api/v1/activities")
    ResponseEntity<List<ActivityJson>> list(@ApiActor User actor, ApiParams params) {
        return Paging.page(params, ActivityService.sortAttributes(), false, q -> activities.page(actor, q).map(ActivityJson::of));
    }

    /** Streamed from the database as it is read: the response never holds the whole list. */
    @GetMapping("/api/v1/activities.csv")
    void csv(@ApiActor User actor, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"activities.csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        activities.writeCsv(actor, ActivityFilter.ALL, out);
    }
}
