package io.portus.api;

import io.portus.account.User;
import io.portus.api.Json.NamespaceJson;
import io.portus.api.Json.StatusJson;
import io.portus.catalog.NamespaceDeletes;
import io.portus.common.InvalidInputException;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceNames;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.NamespaceUpdate;
import io.portus.namespace.RegistryService;
import io.portus.namespace.Visibility;
import io.portus.rules.NamespaceRulesService;
import io.portus.rules.RulesChange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/namespaces}: list what you may see, validate a name (well formed and not taken in the default
 * registry, as Portus answers), create (name, team, description and,
 * beyond Portus, {@code registry_id}), show, update ({@code namespace[name|description|team|visibility]})
 * and, beyond Portus, {@code namespace[immutable_tags|immutable_tags_pattern|quota_bytes]} (422 naming a bad
 * field; the rules are shown with {@code used_bytes}), {@code PUT /:id/change_visibility} ({@code visibility}) and delete (with all its repositories: 204; 405 when
 * deletes are disabled, 422 for the global or a personal namespace).
 */
@RestController
@RequestMapping("/api/v1/namespaces")
class NamespacesApi {

    private final NamespaceService namespaces;
    private final RegistryService registries;
    private final NamespaceDeletes deletes;
    private final NamespaceRulesService rules;

    NamespacesApi(NamespaceService namespaces, RegistryService registries, NamespaceDeletes deletes,
                  NamespaceRulesService rules) {
        this.namespaces = namespaces;
        this.rules = rules;
        this.registries = registries;
        this.deletes = deletes;
    }

    @GetMapping
    ResponseEntity<List<NamespaceJson>> list(@ApiActor User actor, ApiParams params) {
        return Paging.page(params, NamespaceService.sortAttributes(), q -> namespaces.page(actor, q).map(this::json));
    }

    @GetMapping("/validate")
    @ApiFields({"name! the namespace name to check (well formed, not taken)"})
    StatusJson validate(@ApiActor User actor, ApiParams params) {
        String name = params.required("name");
        var problem = NamespaceNames.problem(name)
                .or(() -> namespaces.find(registries.defaultRegistry().id(), name.trim()).map(n -> "has already been taken"));
        return StatusJson.of(problem.map(p -> Map.of("name", List.of(p))).orElse(Map.of()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiFields({"name! namespace name",
            "team! name of the owning team",
            "description",
            "registry_id:integer registry of the namespace (default: the default registry)"})
    ResponseEntity<NamespaceJson> create(@ApiActor User actor, ApiParams params) {
        Namespace ns = namespaces.create(actor, params.required("name"), params.required("team"),
                params.string("description"), params.number("registry_id"));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(ns));
    }

    @GetMapping("/{id}")
    NamespaceJson show(@ApiActor User actor, @PathVariable long id) {
        return json(namespaces.show(actor, id));
    }

    @PutMapping("/{id}")
    @ApiFields({"namespace[name]",
            "namespace[description]",
            "namespace[team] name of the new owning team",
            "namespace[visibility] private, protected or public",
            "namespace[immutable_tags]:boolean tags cannot be overwritten",
            "namespace[immutable_tags_pattern] regular expression of the immutable tags (empty = all)",
            "namespace[quota_bytes] quota in bytes (empty = none)"})
    NamespaceJson update(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        namespaces.show(actor, id);
        var rulesChange = new RulesChange(params.bool("namespace[immutable_tags]"),
                params.string("namespace[immutable_tags_pattern]"), params.string("namespace[quota_bytes]"));
        var checked = rules.check(actor, id, rulesChange);
        var change = new NamespaceUpdate(params.string("namespace[name]"), params.string("namespace[description]"),
                params.string("namespace[team]"), visibility(params, "namespace[visibility]"));
        Namespace updated = namespaces.update(actor, id, change);
        if (!rulesChange.isEmpty()) {
            rules.apply(checked);
        }
        return json(updated);
    }

    @PutMapping("/{id}/change_visibility")
    @ApiFields({"visibility! private, protected or public"})
    NamespaceJson changeVisibility(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        namespaces.show(actor, id);
        params.required("visibility");
        return json(namespaces.changeVisibility(actor, id, visibility(params, "visibility")));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@ApiActor User actor, @PathVariable long id) {
        deletes.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    private NamespaceJson json(Namespace n) {
        return NamespaceJson.of(n, registries.get(n.registryId()).hostname(), rules.of(n.id()));
    }

    private static Visibility visibility(ApiParams params, String key) {
        String value = params.string(key);
        if (value == null) {
            return null;
        }
        return Visibility.parse(value).orElseThrow(() -> InvalidInputException.of("visibility",
                "'" + value + "' is not a visibility (private, protected or public)"));
    }
}
