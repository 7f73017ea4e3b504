package io.portus.api;

import io.portus.account.User;
import io.portus.api.Json.VersionJson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/version} in Portus's shape, so portusctl's {@code version} and scripts that check which
 * server they talk to keep working: {@code {"api-versions": ["v1"], "git": null, "version": "…"}}. Any
 * authenticated user may ask (Portus: {@code authorization!(force_admin: false)}). The version is the jar's
 * {@code Implementation-Version} ("development" when run from classes); {@code git} stays null because the jar
 * carries no git information.
 */
@RestController
class VersionApi {

    static String version() {
        String v = VersionApi.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @GetMapping("/api/version")
    VersionJson version(@ApiActor User actor) {
        return new VersionJson(List.of("v1"), null, version());
    }
}
