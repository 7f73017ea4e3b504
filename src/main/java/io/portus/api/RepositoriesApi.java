package io.portus.api;

import java.util.List;
import java.util.Map;

import io.portus.account.User;
import io.portus.api.CatalogJson.CommentJson;
import io.portus.api.CatalogJson.RepositoryJson;
import io.portus.api.CatalogJson.TagJson;
import io.portus.catalog.CatalogDeletes;
import io.portus.catalog.CatalogService;
import io.portus.catalog.SocialService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/repositories} (list, show, describe, delete, tags, tags grouped by digest, one tag),
 * {@code /api/v1/namespaces/:id/repositories}, and stars and comments on a repository
 * ({@code POST /:id/toggle_star}, {@code GET /:id/stars}, {@code GET|POST /:id/comments},
 * {@code DELETE /:id/comments/:comment_id}).
 */
@RestController
class RepositoriesApi {

    private final CatalogService catalog;
    private final CatalogDeletes deletes;
    private final SocialService social;

    RepositoriesApi(CatalogService catalog, CatalogDeletes deletes, SocialService social) {
        this.catalog = catalog;
        this.deletes = deletes;
        this.social = social;
    }

    @GetMapping("/api/v1/repositories")
    ResponseEntity<List<RepositoryJson>> list(@ApiActor User actor, ApiParams params) {
        return Paging.page(params, CatalogService.repositorySortAttributes(),
                q -> catalog.repositories(actor, q).map(RepositoryJson::of));
    }

    @GetMapping("/api/v1/namespaces/{id}/repositories")
    ResponseEntity<List<RepositoryJson>> ofNamespace(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        return Paging.page(params, CatalogService.repositorySortAttributes(),
                q -> catalog.repositoriesOf(actor, id, q).map(RepositoryJson::of));
    }

    @GetMapping("/api/v1/repositories/{id}")
    RepositoryJson show(@ApiActor User actor, @PathVariable long id) {
        return RepositoryJson.of(catalog.repository(actor, id));
    }

    @PutMapping("/api/v1/repositories/{id}")
    @ApiFields({"repository[description] the new description (or description)"})
    RepositoryJson update(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        String description = params.optional("repository[description]").orElseGet(() -> params.string("description"));
        return RepositoryJson.of(catalog.describe(actor, id, description));
    }

    @DeleteMapping("/api/v1/repositories/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@ApiActor User actor, @PathVariable long id) {
        deletes.deleteRepository(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/repositories/{id}/tags")
    ResponseEntity<List<TagJson>> tags(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        return Paging.page(params, CatalogService.tagSortAttributes(), q -> catalog.tags(actor, id, q).map(TagJson::of));
    }

    @GetMapping("/api/v1/repositories/{id}/tags/grouped")
    List<List<TagJson>> grouped(@ApiActor User actor, @PathVariable long id) {
        return catalog.groupedTags(actor, id).stream().map(g -> g.stream().map(TagJson::of).toList()).toList();
    }

    /** As in Portus, the repository id is not used: the tag is looked up by its own id. */
    @GetMapping("/api/v1/repositories/{id}/tags/{tagId}")
    TagJson tag(@ApiActor User actor, @PathVariable long id, @PathVariable long tagId) {
        return TagJson.of(catalog.tag(actor, tagId));
    }

    @PostMapping("/api/v1/repositories/{id}/toggle_star")
    Map<String, Object> toggleStar(@ApiActor User actor, @PathVariable long id) {
        boolean starred = social.toggleStar(actor, id);
        return Map.of("starred", starred, "stars", catalog.repository(actor, id).stars());
    }

    @GetMapping("/api/v1/repositories/{id}/stars")
    Map<String, Object> stars(@ApiActor User actor, @PathVariable long id) {
        return Map.of("starred", social.starred(actor, id), "stars", catalog.repository(actor, id).stars());
    }

    @GetMapping("/api/v1/repositories/{id}/comments")
    List<CommentJson> comments(@ApiActor User actor, @PathVariable long id) {
        return social.comments(actor, id).stream().map(CommentJson::of).toList();
    }

    @PostMapping("/api/v1/repositories/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiFields({"comment[body] the comment (or body)"})
    ResponseEntity<CommentJson> comment(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        String body = params.optional("comment[body]").orElseGet(() -> params.required("body"));
        return ResponseEntity.status(HttpStatus.CREATED).body(CommentJson.of(social.comment(actor, id, body)));
    }

    @DeleteMapping("/api/v1/repositories/{id}/comments/{commentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> deleteComment(@ApiActor User actor, @PathVariable long id, @PathVariable long commentId) {
        social.deleteComment(actor, id, commentId);
        return ResponseEntity.noContent().build();
    }
}
