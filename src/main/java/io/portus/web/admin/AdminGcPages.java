package io.portus.web.admin;

import io.portus.account.User;
import io.portus.common.ConflictException;
import io.portus.common.PageQuery;
import io.portus.common.Slice;
import io.portus.gc.GcRun;
import io.portus.gc.GcService;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.Flash;
import io.portus.web.support.PageLinks;
import io.portus.web.support.Requests;
import io.portus.web.support.UiSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/gc}: garbage collections of the built-in registry, newest first (state, phase, counts, bytes
 * freed), with "Run now" and "Dry run"; the page refreshes itself while a run is in progress.
 */
@Controller
class AdminGcPages {

    private final GcService gc;
    private final UiSettings settings;

    AdminGcPages(GcService gc, UiSettings settings) {
        this.gc = gc;
        this.settings = settings;
    }

    @GetMapping("/admin/gc")
    String list(@CurrentUserArgument User admin, @RequestParam(defaultValue = "0") int offset,
                HttpServletRequest request, Model model) {
        Admins.require(admin);
        int o = Slice.safeOffset(offset);
        int l = Slice.safeLimit(settings.perPage());
        Slice<GcRun> page = Slice.of(gc.page(admin, new PageQuery(o, l + 1, "id", false)).items(), o, l);
        model.addAttribute("runs", page);
        model.addAttribute("running", page.items().stream().anyMatch(GcRun::running));
        model.addAttribute("links", PageLinks.of(page, Requests.pathAndQuery(request), settings.beforeAfter()));
        return "admin/gc";
    }

    @PostMapping("/admin/gc")
    String start(@CurrentUserArgument User admin, @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
                 RedirectAttributes redirect) {
        Admins.require(admin);
        try {
            GcRun run = gc.start(admin, dryRun);
            Flash.notice(redirect, (dryRun ? "Dry run " : "Garbage collection ") + run.id() + " started.");
        } catch (ConflictException e) {
            Flash.alert(redirect, "A garbage collection is already running.");
        }
        return "redirect:/admin/gc";
    }
}
