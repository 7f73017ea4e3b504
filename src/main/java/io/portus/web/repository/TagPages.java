package io.portus.web.repository;

import io.portus.account.User;
import io.portus.catalog.CatalogService;
import io.portus.catalog.RepositoryView;
import io.portus.catalog.TagDetails;
import io.portus.catalog.TagInspection;
import io.portus.common.NotFoundException;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.UiSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /repositories/{id}/tags/{tagId}[?platform=<digest>]}: what a tag is made of, for whoever may see the
 * repository (anonymous visitors too in public namespaces when anonymous browsing is on).
 */
@Controller
class TagPages {

    private final CatalogService catalog;
    private final TagInspection inspection;
    private final UiSettings settings;

    TagPages(CatalogService catalog, TagInspection inspection, UiSettings settings) {
        this.catalog = catalog;
        this.inspection = inspection;
        this.settings = settings;
    }

    @GetMapping("/repositories/{id}/tags/{tagId}")
    String show(@CurrentUserArgument(required = false) User user, @PathVariable long id, @PathVariable long tagId,
                @RequestParam(required = false) String platform, Model model) {
        if (user == null && !settings.anonymousBrowsing()) {
            return "redirect:/users/sign_in";
        }
        RepositoryView repo = user == null ? catalog.publicRepository(id) : catalog.repository(user, id);
        TagDetails details = inspection.details(user, tagId, platform == null || platform.isBlank() ? null : platform);
        if (details.tag().repositoryId() != repo.id()) {
            throw new NotFoundException("Not found");
        }
        model.addAttribute("repo", repo);
        model.addAttribute("d", details);
        return "repository/tag";
    }
}
