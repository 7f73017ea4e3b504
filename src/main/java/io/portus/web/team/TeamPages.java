package io.portus.web.team;

import io.portus.account.User;
import io.portus.common.InvalidInputException;
import io.portus.common.Slice;
import io.portus.team.Role;
import io.portus.team.Team;
import io.portus.team.TeamDeletes;
import io.portus.team.TeamMember;
import io.portus.team.TeamService;
import io.portus.namespace.NamespaceService;
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

/** {@code /teams}: list, create, a team's page, membership changes, and deletion. */
@Controller
class TeamPages {

    private final TeamService teams;
    private final NamespaceService namespaces;
    private final UiSettings settings;
    private final TeamDeletes deletes;

    TeamPages(TeamService teams, NamespaceService namespaces, UiSettings settings, TeamDeletes deletes) {
        this.teams = teams;
        this.namespaces = namespaces;
        this.settings = settings;
        this.deletes = deletes;
    }

    @GetMapping("/teams")
    String list(@CurrentUserArgument User user, @RequestParam(defaultValue = "0") int offset,
                HttpServletRequest request, Model model) {
        Slice<Team> page = teams.page(user, offset, settings.perPage());
        model.addAttribute("teams", page);
        model.addAttribute("links", PageLinks.of(page, Requests.pathAndQuery(request), settings.beforeAfter()));
        return "team/list";
    }

    @PostMapping("/teams")
    String create(@CurrentUserArgument User user, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String description, RedirectAttributes redirect) {
        Team team = teams.create(user, name, description, null);
        Flash.notice(redirect, "Team " + team.name() + " created. Add members and create its namespaces here.");
        return "redirect:/teams/" + team.id();
    }

    @GetMapping("/teams/{id}")
    String show(@CurrentUserArgument User user, @PathVariable long id, Model model) {
        Team team = teams.show(user, id);
        model.addAttribute("team", team);
        model.addAttribute("can", teams.abilities(user, team));
        model.addAttribute("members", teams.members(user, id));
        model.addAttribute("namespaces", namespaces.ofTeam(id));
        model.addAttribute("roles", Role.values());
        return "team/show";
    }

    @PostMapping("/teams/{id}")
    String update(@CurrentUserArgument User user, @PathVariable long id, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String description, RedirectAttributes redirect) {
        Team team = teams.update(user, id, name, description);
        Flash.notice(redirect, "Team " + team.name() + " saved.");
        return "redirect:/teams/" + id;
    }

    @PostMapping("/teams/{id}/members")
    String addMember(@CurrentUserArgument User user, @PathVariable long id, @RequestParam(defaultValue = "") String username,
                     @RequestParam(defaultValue = "viewer") String role, RedirectAttributes redirect) {
        TeamMember member = teams.addMember(user, id, username, role(role));
        Flash.notice(redirect, member.username() + " joined the team as " + member.role().apiName() + ".");
        return "redirect:/teams/" + id;
    }

    @PostMapping("/teams/{id}/members/{memberId}/role")
    String changeRole(@CurrentUserArgument User user, @PathVariable long id, @PathVariable long memberId,
                      @RequestParam String role, RedirectAttributes redirect) {
        TeamMember member = teams.updateMember(user, id, memberId, role(role));
        Flash.notice(redirect, member.username() + " is now " + member.role().apiName() + ".");
        return "redirect:/teams/" + id;
    }

    @PostMapping("/teams/{id}/members/{memberId}/delete")
    String removeMember(@CurrentUserArgument User user, @PathVariable long id, @PathVariable long memberId,
                        RedirectAttributes redirect) {
        teams.removeMember(user, id, memberId);
        Flash.notice(redirect, "Member removed.");
        return "redirect:/teams/" + id;
    }

    @PostMapping("/teams/{id}/delete")
    String delete(@CurrentUserArgument User user, @PathVariable long id, RedirectAttributes redirect) {
        Team team = teams.get(id);
        deletes.delete(user, id);
        Flash.notice(redirect, "Team " + team.name() + " deleted.");
        return "redirect:/teams";
    }

    private static Role role(String role) {
        return Role.parse(role).orElseThrow(() -> InvalidInputException.of("role", "must be viewer, contributor or owner"));
    }
}
