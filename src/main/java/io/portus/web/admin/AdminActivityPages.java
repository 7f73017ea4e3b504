package io.portus.web.admin;

import io.portus.account.User;
import io.portus.activity.Activity;
import io.portus.activity.ActivityFilter;
import io.portus.activity.ActivityService;
import io.portus.common.Slice;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.PageLinks;
import io.portus.web.support.Requests;
import io.portus.web.support.UiSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** {@code /admin/activities}: everything, newest first, filtered by type, event or user; CSV export. */
@Controller
class AdminActivityPages {

    static final List<String> TYPES = List.of("Repository", "Namespace", "Team", "Registry", "User",
            "ApplicationToken", "Webhook");
    static final int CSV_MAX = 100_000;

    private final ActivityService activities;
    private final UiSettings settings;

    AdminActivityPages(ActivityService activities, UiSettings settings) {
        this.activities = activities;
        this.settings = settings;
    }

    @GetMapping("/admin/activities")
    String list(@CurrentUserArgument User admin, @RequestParam(required = false) String type,
                @RequestParam(required = false) String key, @RequestParam(required = false) String user,
                @RequestParam(defaultValue = "0") int offset, HttpServletRequest request, Model model) {
        Admins.require(admin);
        ActivityFilter filter = new ActivityFilter(type, key, user);
        Slice<Activity> page = activities.page(admin, filter, offset, settings.perPage());
        model.addAttribute("activities", page);
        model.addAttribute("links", PageLinks.of(page, Requests.pathAndQuery(request)));
        model.addAttribute("filter", filter);
        model.addAttribute("types", TYPES);
        String query = request.getQueryString();
        model.addAttribute("csvHref", "/admin/activities.csv" + (query == null ? "" : "?" + query));
        return "admin/activities";
    }

    @GetMapping("/admin/activities.csv")
    ResponseEntity<String> csv(@CurrentUserArgument User admin, @RequestParam(required = false) String type,
                               @RequestParam(required = false) String key, @RequestParam(required = false) String user) {
        Admins.require(admin);
        List<Activity> rows = new java.util.ArrayList<>();
        ActivityFilter filter = new ActivityFilter(type, key, user);
        for (int offset = 0; offset < CSV_MAX; offset += Slice.MAX_LIMIT) {
            Slice<Activity> page = activities.page(admin, filter, offset, Slice.MAX_LIMIT);
            rows.addAll(page.items());
            if (!page.more()) {
                break;
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"activities.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(activities.csv(rows));
    }
}
