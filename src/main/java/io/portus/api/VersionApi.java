package io.portus.api;

import io.portus.account.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    Map<String, Object> version(@ApiActor User actor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api-versions", List.of("v1"));
        body.put("git", null);
        body.put("version", version());
        return body;
    }
}
