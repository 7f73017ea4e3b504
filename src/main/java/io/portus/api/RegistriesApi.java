package io.portus.api;

import io.portus.account.User;
import io.portus.api.Json.RegistryJson;
import io.portus.api.Json.StatusJson;
import io.portus.namespace.RegistryService;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /api/v1/registries} (admins): list, and register or change an external CNCF distribution
 * registry as Portus's "New Registry" form does: {@code registry[name]}, {@code registry[hostname]} (with
 * port), {@code registry[use_ssl]}, {@code registry[external_hostname]}; the {@code GET /v2/} reachability
 * check is skipped with {@code force=true} ("Skip remote checks"); {@code GET /validate} runs the same checks
 * without creating anything.
 */
@RestController
@RequestMapping("/api/v1/registries")
class RegistriesApi {

    private final RegistryService registries;

    RegistriesApi(RegistryService registries) {
        this.registries = registries;
    }

    @GetMapping
    List<RegistryJson> list(@ApiActor(admin = true) User actor) {
        return registries.list().stream().map(RegistryJson::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiFields({"registry[name]!",
            "registry[hostname]! host name with port, e.g. registry.example.com:5000",
            "registry[use_ssl]:boolean",
            "registry[external_hostname] host name clients use, when different",
            "force:boolean skip the reachability check"})
    ResponseEntity<RegistryJson> create(@ApiActor(admin = true) User actor, ApiParams params) {
        Boolean useSsl = params.bool("registry[use_ssl]");
        var registry = registries.create(actor, params.required("registry[name]"), params.required("registry[hostname]"),
                useSsl != null && useSsl, params.string("registry[external_hostname]"), force(params));
        return ResponseEntity.status(HttpStatus.CREATED).body(RegistryJson.of(registry));
    }

    @PutMapping("/{id}")
    @ApiFields({"registry[name]",
            "registry[hostname]",
            "registry[use_ssl]:boolean",
            "registry[external_hostname]",
            "force:boolean skip the reachability check"})
    RegistryJson update(@ApiActor(admin = true) User actor, @PathVariable long id, ApiParams params) {
        return RegistryJson.of(registries.update(actor, id, params.string("registry[name]"), params.string("registry[hostname]"),
                params.bool("registry[use_ssl]"), params.string("registry[external_hostname]"), force(params)));
    }

    /**
     * Portus's status object, {@code {"valid": …, "messages": {field: […]}}}: the checks of a create (name and
     * host name free and well formed, {@code GET /v2/} reachable) without creating anything; {@code only}
     * (comma separated or repeated) restricts which fields count.
     */
    @GetMapping("/validate")
    @ApiFields({"name",
            "hostname",
            "use_ssl:boolean",
            "external_hostname"})
    StatusJson validate(@ApiActor(admin = true) User actor, ApiParams params,
                                 @Parameter(description = "fields to validate, comma separated or repeated (hostname includes the "
                                         + "reachability check)")
                                 @RequestParam(name = "only", required = false) List<String> only,
                                 @Parameter(hidden = true) @RequestParam(name = "only[]", required = false)
                                 List<String> onlyRails) {
        Set<String> fields = only == null && onlyRails == null ? null
                : Stream.concat(only == null ? Stream.empty() : only.stream(),
                                onlyRails == null ? Stream.empty() : onlyRails.stream())
                        .flatMap(o -> Arrays.stream(o.split(","))).map(String::trim).filter(o -> !o.isEmpty())
                        .collect(Collectors.toSet());
        var messages = registries.check(params.string("name"), params.string("hostname"),
                Boolean.TRUE.equals(params.bool("use_ssl")), params.string("external_hostname"), fields);
        return StatusJson.of(messages);
    }

    private static boolean force(ApiParams params) {
        Boolean top = params.bool("force");
        Boolean nested = params.bool("registry[force]");
        return Boolean.TRUE.equals(top) || Boolean.TRUE.equals(nested);
    }
}
