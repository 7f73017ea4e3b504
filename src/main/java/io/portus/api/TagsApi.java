package io.portus.api;

import java.util.List;

import io.portus.account.User;
import io.portus.api.CatalogJson.RepositoryJson;
import io.portus.api.CatalogJson.TagJson;
import io.portus.catalog.CatalogDeletes;
import io.portus.catalog.CatalogService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tags}: all tags (admins), one tag, and {@code DELETE /:id} (deletes the tag's manifest in
 * the registry: 409 with the other tags sharing its digest unless {@code force=true}); and
 * {@code GET /api/v1/stars}, the repositories the caller starred.
 */
@RestController
class TagsApi {

    private final CatalogService catalog;
    private final CatalogDeletes deletes;

    TagsApi(CatalogService catalog, CatalogDeletes deletes) {
        this.catalog = catalog;
        this.deletes = deletes;
    }

    @GetMapping("/api/v1/tags")
    ResponseEntity<List<TagJson>> list(@ApiActor(admin = true) User actor, ApiParams params) {
        return Paging.page(params, CatalogService.tagSortAttributes(), q -> catalog.allTags(actor, q).map(TagJson::of));
    }

    @GetMapping("/api/v1/tags/{id}")
    TagJson show(@ApiActor User actor, @PathVariable long id) {
        return TagJson.of(catalog.tag(actor, id));
    }

    @DeleteMapping("/api/v1/tags/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiFields({"force:boolean delete the manifest even when other tags share it"})
    ResponseEntity<Void> delete(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        deletes.deleteTag(actor, id, Boolean.TRUE.equals(params.bool("force")));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/stars")
    ResponseEntity<List<RepositoryJson>> stars(@ApiActor User actor, ApiParams params) {
        return Paging.page(params, CatalogService.repositorySortAttributes(),
                q -> catalog.starred(actor, q).map(RepositoryJson::of));
    }
}
