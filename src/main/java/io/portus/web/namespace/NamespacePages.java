package io.portus.web.namespace;

import io.portus.account.User;
import io.portus.catalog.NamespaceDeletes;
import io.portus.common.Slice;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.NamespaceUpdate;
import io.portus.namespace.Visibility;
import io.portus.team.TeamService;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.Flash;
import io.portus.web.support.PageLinks;
import io.portus.web.support.Requests;
import io.portus.web.support.UiSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /namespaces}: list, create, the changes of one namespace, and its deletion. */
@Controller
class NamespacePages {

    private final NamespaceService namespaces;
    private final TeamService teams;
    private final NamespaceDetails details;
    private final UiSettings settings;
    private final NamespaceDeletes deletes;

    NamespacePages(NamespaceService namespaces, TeamService teams, NamespaceDetails details, UiSettings settings,
                   NamespaceDeletes deletes) {
        this.namespaces = namespaces;
        this.teams = teams;
        this.details = details;
        this.settings = settings;
        this.deletes = deletes;
    }

    @GetMapping("/namespaces")
    String list(@CurrentUserArgument User user, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "0") int offset, HttpServletRequest request, Model model) {
        Slice<Namespace> page = namespaces.page(user, q, offset, settings.perPage());
        model.addAttribute("namespaces", page);
        model.addAttribute("links", PageLinks.of(page, Requests.pathAndQuery(request), settings.beforeAfter()));
        model.addAttribute("q", q);
        model.addAttribute("teamNames", teams.page(user, 0, Slice.MAX_LIMIT).items().stream().map(t -> t.name()).toList());
        return "namespace/list";
    }

    @PostMapping("/namespaces")
    String create(@CurrentUserArgument User user, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "") String description,
                  RedirectAttributes redirect) {
        Namespace ns = namespaces.create(user, name.trim(), team, description, null);
        Flash.notice(redirect, "Namespace " + ns.name() + " created.");
        return "redirect:/namespaces/" + ns.id();
    }

    @GetMapping("/namespaces/{id}")
    String show(@CurrentUserArgument User user, @PathVariable long id, @RequestParam(defaultValue = "0") int offset,
                HttpServletRequest request, Model model) {
        details.fill(user, namespaces.show(user, id), offset, request, model);
        return "namespace/show";
    }

    @PostMapping("/namespaces/{id}")
    String update(@CurrentUserArgument User user, @PathVariable long id,
                  @RequestParam(required = false) String description, RedirectAttributes redirect) {
        namespaces.update(user, id, new NamespaceUpdate(null, description, null, null));
        Flash.notice(redirect, "Description saved.");
        return "redirect:/namespaces/" + id;
    }

    @PostMapping("/namespaces/{id}/visibility")
    String visibility(@CurrentUserArgument User user, @PathVariable long id, @RequestParam String visibility,
                      RedirectAttributes redirect) {
        Visibility v = Visibility.parse(visibility).orElseThrow(
                () -> io.portus.common.InvalidInputException.of("visibility", "must be private, protected or public"));
        Namespace ns = namespaces.changeVisibility(user, id, v);
        Flash.notice(redirect, "Namespace " + ns.name() + " is now " + v.apiName() + ".");
        return "redirect:/namespaces/" + id;
    }

    @PostMapping("/namespaces/{id}/team")
    String team(@CurrentUserArgument User user, @PathVariable long id, @RequestParam String team,
                RedirectAttributes redirect) {
        Namespace ns = namespaces.update(user, id, new NamespaceUpdate(null, null, team, null));
        Flash.notice(redirect, "Namespace " + ns.name() + " now belongs to team " + ns.teamName() + ".");
        return "redirect:/namespaces/" + id;
    }

    @PostMapping("/namespaces/{id}/delete")
    String delete(@CurrentUserArgument User user, @PathVariable long id, RedirectAttributes redirect) {
        Namespace ns = namespaces.get(id);
        int repositories = deletes.delete(user, id);
        Flash.notice(redirect, "Namespace " + ns.name() + " deleted"
                + (repositories == 0 ? "." : " with its " + repositories + (repositories == 1 ? " repository." : " repositories.")));
        return "redirect:/namespaces";
    }
}
