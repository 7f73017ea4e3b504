package io.portus.web.dashboard;

import io.portus.account.ExternalAccounts;
import io.portus.account.User;
import io.portus.activity.ActivityFilter;
import io.portus.activity.ActivityService;
import io.portus.catalog.SocialService;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.team.TeamService;
import io.portus.web.support.CurrentUserArgument;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** {@code /dashboard}. */
@Controller
class DashboardPages {

    static final int LIMIT = 10;

    static final int ACTIVITIES = 20;

    private final TeamService teams;
    private final NamespaceService namespaces;
    private final ActivityService activities;
    private final SocialService social;
    private final ExternalAccounts external;

    DashboardPages(TeamService teams, NamespaceService namespaces, ActivityService activities, SocialService social,
                   ExternalAccounts external) {
        this.external = external;
        this.teams = teams;
        this.namespaces = namespaces;
        this.activities = activities;
        this.social = social;
    }

    @GetMapping("/dashboard")
    String dashboard(@CurrentUserArgument User user, Model model) {
        model.addAttribute("teams", teams.page(user, 0, LIMIT));
        List<Namespace> mine = namespaces.ofMember(user, 0, LIMIT).items();
        model.addAttribute("namespaces", mine);
        model.addAttribute("personal", mine.stream().filter(Namespace::personal).findFirst().orElse(null));
        model.addAttribute("starred", social.starredRepositories(user, LIMIT));
        // LDAP/OIDC people log in with an application token unless the directory checks their password (LDAP)
        model.addAttribute("tokenLogin", external.providerOf(user.id()).filter(p -> !"ldap".equals(p)).isPresent());
        model.addAttribute("activities", activities.page(user, ActivityFilter.ALL, 0, ACTIVITIES).items());
        return "dashboard/dashboard";
    }
}
