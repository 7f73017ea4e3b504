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
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /admin/activities}: everything, newest first, filtered by type, event or user; CSV export. */
@Controller
class AdminActivityPages {

    static final List<String> TYPES = List.of("Repository", "Namespace", "Team", "Registry", "User",
            "ApplicationToken", "Webhook", "GarbageCollection");

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
        model.addAttribute("links", PageLinks.of(page, Requests.pathAndQuery(request), settings.beforeAfter()));
        model.addAttribute("filter", filter);
        model.addAttribute("types", TYPES);
        String query = request.getQueryString();
        model.addAttribute("csvHref", "/admin/activities.csv" + (query == null ? "" : "?" + query));
        return "admin/activities";
    }

    /** Streamed from the database as it is read (the whole filtered list, never held in memory). */
    @GetMapping("/admin/activities.csv")
    void csv(@CurrentUserArgument User admin, @RequestParam(required = false) String type,
             @RequestParam(required = false) String key, @RequestParam(required = false) String user,
             HttpServletResponse response) throws IOException {
        Admins.require(admin);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"activities.csv\"");
        activities.writeCsv(admin, new ActivityFilter(type, key, user),
                new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)));
    }
}
