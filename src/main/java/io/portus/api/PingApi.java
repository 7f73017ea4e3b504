package io.portus.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/_ping}: 200 with an empty body, no authentication. */
@RestController
class PingApi {

    @GetMapping("/api/v1/_ping")
    ResponseEntity<Void> ping() {
        return ResponseEntity.ok().build();
    }
}
