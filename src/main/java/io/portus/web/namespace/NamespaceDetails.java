package io.portus.web.namespace;

import io.portus.account.User;
import io.portus.catalog.CatalogService;
import io.portus.catalog.RepositoryView;
import io.portus.common.Slice;
import io.portus.web.support.PageLinks;
import io.portus.web.support.Requests;
import io.portus.web.support.UiSettings;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.rules.NamespaceRulesService;
import io.portus.team.TeamService;
import io.portus.webhook.WebhookService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The model of a namespace's page: the namespace, what the user may do, its team, its rules and usage. */
@Component
class NamespaceDetails {

    private final NamespaceService namespaces;
    private final TeamService teams;
    private final CatalogService catalog;
    private final UiSettings settings;
    private final WebhookService webhooks;
    private final NamespaceRulesService rules;

    NamespaceDetails(NamespaceService namespaces, TeamService teams, CatalogService catalog, UiSettings settings,
                     WebhookService webhooks, NamespaceRulesService rules) {
        this.rules = rules;
        this.namespaces = namespaces;
        this.teams = teams;
        this.catalog = catalog;
        this.settings = settings;
        this.webhooks = webhooks;
    }

    void fill(User user, Namespace ns, int offset, HttpServletRequest request, Model model) {
        model.addAttribute("ns", ns);
        model.addAttribute("rules", rules.of(ns.id()));
        model.addAttribute("can", namespaces.abilities(user, ns));
        Slice<RepositoryView> repositories = catalog.repositoriesOf(user, ns.id(), offset, settings.perPage());
        model.addAttribute("repositories", repositories);
        model.addAttribute("links", PageLinks.of(repositories, Requests.pathAndQuery(request), settings.beforeAfter()));
        model.addAttribute("member", webhooks.mayView(user, ns));
        model.addAttribute("teamLink", !ns.teamHidden() && teams.abilities(user, teams.get(ns.teamId())).show());
    }
}
