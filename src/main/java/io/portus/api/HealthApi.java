package io.portus.api;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import io.portus.outbound.OutboundClient;
import io.portus.outbound.OutboundHttp;
import io.portus.storage.StorageHealth;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/health} (no authentication): Portus's body {@code {database: {msg, success},
 * registry: {msg, success}}} plus {@code storage: {msg, success}} (the built-in registry's storage, probed by
 * {@link StorageHealth}), 200 when every check passes, else 503. The registry check is the built-in one
 * (in process) or, when external registries are configured, {@code GET /v2/} on each (200 or 401).
 */
@RestController
class HealthApi {

    private final JdbcClient jdbc;
    private final RegistryService registries;
    private final OutboundClient http;
    private final StorageHealth storage;

    HealthApi(JdbcClient jdbc, RegistryService registries, OutboundHttp outbound, StorageHealth storage) {
        this.jdbc = jdbc;
        this.registries = registries;
        this.http = outbound.client(Duration.ofSeconds(2), false);
        this.storage = storage;
    }

    @GetMapping("/api/v1/health")
    ResponseEntity<Map<String, Map<String, Object>>> health() {
        Map<String, Map<String, Object>> body = new LinkedHashMap<>();
        boolean dbUp;
        try {
            jdbc.sql("SELECT COUNT(*) FROM registries").query(Long.class).single();
            dbUp = true;
            body.put("database", check("database is up-to-date", true));
        } catch (RuntimeException e) {
            dbUp = false;
            body.put("database", check("cannot connect to database", false));
        }
        body.put("registry", dbUp ? registry() : check("registry cannot be checked without the database", false));
        StorageHealth.Status status = storage.check();
        body.put("storage", check(status.message(), status.up()));
        boolean ok = body.values().stream().allMatch(c -> Boolean.TRUE.equals(c.get("success")));
        return ResponseEntity.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private Map<String, Object> registry() {
        var all = registries.list();
        if (all.isEmpty()) {
            return check("no registry configured", false);
        }
        for (Registry r : all) {
            if (!r.builtin() && !reachable(r)) {
                return check("registry " + r.name() + " (" + r.hostname() + ") is not reachable", false);
            }
        }
        return check("registry is reachable", true);
    }

    private boolean reachable(Registry r) {
        try {
            URI uri = URI.create((r.useSsl() ? "https://" : "http://") + r.hostname() + "/v2/");
            int status = http.send(new OutboundClient.Request("GET", uri, java.util.List.of(), null,
                    Duration.ofSeconds(3), 0)).status();
            return status == 200 || status == 401;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object> check(String msg, boolean success) {
        return Map.of("msg", msg, "success", success);
    }
}
