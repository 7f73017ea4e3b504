package io.portus.web.explore;

import io.portus.account.User;
import io.portus.catalog.CatalogService;
import io.portus.catalog.RepositoryView;
import io.portus.common.Slice;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.PageLinks;
import io.portus.web.support.Requests;
import io.portus.web.support.UiSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /explore}: searching the repositories of public namespaces, no sign-in needed. */
@Controller
class ExplorePages {

    private final CatalogService catalog;
    private final UiSettings settings;

    ExplorePages(CatalogService catalog, UiSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    @GetMapping("/explore")
    String explore(@CurrentUserArgument(required = false) User user, @RequestParam(defaultValue = "") String q,
                   @RequestParam(defaultValue = "0") int offset, HttpServletRequest request, Model model) {
        if (!settings.anonymousBrowsing() && user == null) {
            return "redirect:/users/sign_in";
        }
        int colon = q.indexOf(':');
        Slice<RepositoryView> repositories = catalog.explore(colon >= 0 ? q.substring(0, colon) : q, offset,
                settings.perPage());
        model.addAttribute("q", q);
        model.addAttribute("repositories", repositories);
        model.addAttribute("links", PageLinks.of(repositories, Requests.pathAndQuery(request), settings.beforeAfter()));
        return "explore/explore";
    }
}
