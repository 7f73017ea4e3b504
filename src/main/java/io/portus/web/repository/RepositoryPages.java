package io.portus.web.repository;

import io.portus.account.User;
import io.portus.catalog.CatalogService;
import io.portus.catalog.RepositoryView;
import io.portus.catalog.SocialService;
import io.portus.catalog.TagView;
import io.portus.namespace.NamespaceAbilities;
import io.portus.namespace.NamespaceService;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.UiSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;

/** {@code /repositories/{id}}: signed in, or anonymous for public namespaces when anonymous browsing is on. */
@Controller
class RepositoryPages {

    private final CatalogService catalog;
    private final NamespaceService namespaces;
    private final SocialService social;
    private final UiSettings settings;

    RepositoryPages(CatalogService catalog, NamespaceService namespaces, SocialService social, UiSettings settings) {
        this.catalog = catalog;
        this.namespaces = namespaces;
        this.social = social;
        this.settings = settings;
    }

    @GetMapping("/repositories/{id}")
    String show(@CurrentUserArgument(required = false) User user, @PathVariable long id, Model model) {
        if (user == null && !settings.anonymousBrowsing()) {
            return "redirect:/users/sign_in";
        }
        RepositoryView repo = user == null ? catalog.publicRepository(id) : catalog.repository(user, id);
        List<List<TagView>> groups = catalog.groupedTags(user, id);
        NamespaceAbilities can = namespaces.abilities(user, namespaces.get(repo.namespaceId()));
        model.addAttribute("repo", repo);
        model.addAttribute("groups", groups.stream().map(TagGroup::of).toList());
        model.addAttribute("can", can);
        model.addAttribute("starred", user != null && social.starred(user, id));
        model.addAttribute("comments", social.comments(user, id));
        model.addAttribute("mayDescribe", catalog.mayDescribe(user, repo));
        model.addAttribute("descriptionHtml", CatalogService.descriptionHtml(repo));
        model.addAttribute("latestTag", groups.isEmpty() ? "latest" : groups.getFirst().getFirst().name());
        return "repository/show";
    }
}
