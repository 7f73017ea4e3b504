package io.portus.web.repository;

import io.portus.account.User;
import io.portus.catalog.CatalogDeletes;
import io.portus.catalog.CatalogService;
import io.portus.catalog.RepositoryView;
import io.portus.catalog.SocialService;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.Flash;
import io.portus.web.support.Requests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a user does on a repository's page: star, comment, describe, delete tags and the repository. Every
 * action is checked by the catalog services (a forged request gets their refusal).
 */
@Controller
class RepositoryActions {

    private final CatalogService catalog;
    private final CatalogDeletes deletes;
    private final SocialService social;

    RepositoryActions(CatalogService catalog, CatalogDeletes deletes, SocialService social) {
        this.catalog = catalog;
        this.deletes = deletes;
        this.social = social;
    }

    /** Toggles the star; htmx gets the star button back, a plain form goes back to the page. */
    @PostMapping("/repositories/{id}/star")
    String star(@CurrentUserArgument User user, @PathVariable long id, HttpServletRequest request, Model model) {
        boolean starred = social.toggleStar(user, id);
        if (Requests.htmx(request)) {
            model.addAttribute("repo", catalog.repository(user, id));
            model.addAttribute("starred", starred);
            return "repository/star";
        }
        return "redirect:/repositories/" + id;
    }

    @PostMapping("/repositories/{id}/comments")
    String comment(@CurrentUserArgument User user, @PathVariable long id, @RequestParam(defaultValue = "") String body,
                   RedirectAttributes redirect) {
        social.comment(user, id, body);
        Flash.notice(redirect, "Comment added.");
        return "redirect:/repositories/" + id + "#comments";
    }

    @PostMapping("/repositories/{id}/comments/{commentId}/delete")
    String deleteComment(@CurrentUserArgument User user, @PathVariable long id, @PathVariable long commentId,
                         RedirectAttributes redirect) {
        social.deleteComment(user, id, commentId);
        Flash.notice(redirect, "Comment deleted.");
        return "redirect:/repositories/" + id + "#comments";
    }

    @PostMapping("/repositories/{id}/description")
    String describe(@CurrentUserArgument User user, @PathVariable long id,
                    @RequestParam(defaultValue = "") String description, RedirectAttributes redirect) {
        catalog.describe(user, id, description);
        Flash.notice(redirect, "Description saved.");
        return "redirect:/repositories/" + id;
    }

    @PostMapping("/repositories/{id}/tags/{tagId}/delete")
    String deleteTag(@CurrentUserArgument User user, @PathVariable long id, @PathVariable long tagId,
                     @RequestParam(defaultValue = "false") boolean force, RedirectAttributes redirect) {
        var tag = catalog.tag(user, tagId);
        if (tag.repositoryId() != id) {
            throw new io.portus.common.NotFoundException("Not found");
        }
        RepositoryView repo = catalog.repository(user, id);
        deletes.deleteTag(user, tagId, force);
        String deleted = "Deleted " + tag.repository() + ":" + tag.name()
                + (force ? " and the tags that shared its digest" : "");
        if (catalog.find(repo.registryId(), repo.fullName()).isEmpty()) {
            Flash.notice(redirect, deleted + "; " + repo.fullName() + " had no other tag and is gone.");
            return "redirect:/namespaces/" + repo.namespaceId();
        }
        Flash.notice(redirect, deleted + ".");
        return "redirect:/repositories/" + id;
    }

    /**
     * Deletes the selected rows of the tag table; each row is an image, so the tags sharing its digest go too. Every
     * tag is checked (it belongs to this repository, the user may delete it) before the first is deleted.
     */
    @PostMapping("/repositories/{id}/tags/delete")
    String deleteTags(@CurrentUserArgument User user, @PathVariable long id,
                      @RequestParam(name = "tag", required = false) java.util.List<Long> tagIds,
                      RedirectAttributes redirect) {
        RepositoryView repo = catalog.repository(user, id);
        if (tagIds == null || tagIds.isEmpty()) {
            Flash.alert(redirect, "Select the tags to delete first.");
            return "redirect:/repositories/" + id;
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        for (long tagId : tagIds) {
            var tag = catalog.tag(user, tagId);
            if (tag.repositoryId() != id) {
                throw new io.portus.common.NotFoundException("Not found");
            }
            names.add(tag.name());
        }
        for (long tagId : tagIds) {
            deletes.deleteTag(user, tagId, true);
        }
        String deleted = "Deleted " + repo.fullName() + ":" + String.join(", ", names) + " and the tags that shared their images";
        if (catalog.find(repo.registryId(), repo.fullName()).isEmpty()) {
            Flash.notice(redirect, deleted + "; " + repo.fullName() + " had no other tag and is gone.");
            return "redirect:/namespaces/" + repo.namespaceId();
        }
        Flash.notice(redirect, deleted + ".");
        return "redirect:/repositories/" + id;
    }

    @PostMapping("/repositories/{id}/delete")
    String deleteRepository(@CurrentUserArgument User user, @PathVariable long id, RedirectAttributes redirect) {
        RepositoryView repo = catalog.repository(user, id);
        deletes.deleteRepository(user, id);
        Flash.notice(redirect, "Repository " + repo.fullName() + " deleted.");
        return "redirect:/namespaces/" + repo.namespaceId();
    }
}
