package io.portus.web.namespace;

import io.portus.account.User;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.team.TeamService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The model of a namespace's page: the namespace, what the user may do, its team. */
@Component
class NamespaceDetails {

    private final NamespaceService namespaces;
    private final TeamService teams;

    NamespaceDetails(NamespaceService namespaces, TeamService teams) {
        this.namespaces = namespaces;
        this.teams = teams;
    }

    void fill(User user, Namespace ns, int offset, HttpServletRequest request, Model model) {
        model.addAttribute("ns", ns);
        model.addAttribute("can", namespaces.abilities(user, ns));
        model.addAttribute("teamLink", !ns.teamHidden() && teams.abilities(user, teams.get(ns.teamId())).show());
    }
}
