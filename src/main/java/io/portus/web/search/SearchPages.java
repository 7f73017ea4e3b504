package io.portus.web.search;

import io.portus.account.User;
import io.portus.catalog.CatalogService;
import io.portus.catalog.RepositoryView;
import io.portus.common.Slice;
import io.portus.namespace.NamespaceService;
import io.portus.team.Team;
import io.portus.team.TeamService;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.PageLinks;
import io.portus.web.support.Requests;
import io.portus.web.support.UiSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;

/**
 * {@code /search?q=}: repositories (name or namespace), namespaces (name or description) and teams (name or
 * description) the user may see. As in Portus, only the part of the query before {@code :} counts (a
 * pasted {@code name:tag} finds the repository).
 */
@Controller
class SearchPages {

    private final CatalogService catalog;
    private final NamespaceService namespaces;
    private final TeamService teams;
    private final UiSettings settings;

    SearchPages(CatalogService catalog, NamespaceService namespaces, TeamService teams, UiSettings settings) {
        this.catalog = catalog;
        this.namespaces = namespaces;
        this.teams = teams;
        this.settings = settings;
    }

    @GetMapping("/search")
    String search(@CurrentUserArgument User user, @RequestParam(defaultValue = "") String q,
                  @RequestParam(defaultValue = "0") int offset, HttpServletRequest request, Model model) {
        String text = term(q);
        Slice<RepositoryView> repositories = catalog.search(user, text, offset, settings.perPage());
        model.addAttribute("q", q);
        model.addAttribute("repositories", repositories);
        model.addAttribute("links", PageLinks.of(repositories, Requests.pathAndQuery(request), settings.beforeAfter()));
        model.addAttribute("namespaces", text.isEmpty() ? List.of() : namespaces.page(user, text, 0, 10).items());
        model.addAttribute("teams", text.isEmpty() ? List.<Team>of() : teams.page(user, 0, Slice.MAX_LIMIT).items().stream()
                .filter(t -> matches(t, text)).limit(10).toList());
        return "search/results";
    }

    static String term(String q) {
        String t = q == null ? "" : q.trim();
        int colon = t.indexOf(':');
        return colon >= 0 ? t.substring(0, colon).trim() : t;
    }

    private static boolean matches(Team t, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return t.name().toLowerCase(Locale.ROOT).contains(needle)
                || (t.description() != null && t.description().toLowerCase(Locale.ROOT).contains(needle));
    }
}
