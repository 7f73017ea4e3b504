package io.portus.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import io.portus.catalog.EventInbox;
import io.portus.webhook.WebhookProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v2/webhooks/events}: registry notifications from external registries (distribution's
 * {@code notifications.endpoints[].url}). With {@code portus.webhooks.secret} (PORTUS_WEBHOOKS_SECRET) set,
 * the request must carry {@code Authorization: Bearer <secret>} (configure it in the endpoint's
 * {@code headers}); otherwise 401. Stored events get 202 at once; 503 when they could not be stored, so
 * the registry sends them again.
 */
@RestController
class RegistryEventsApi {

    private static final Logger log = LoggerFactory.getLogger(RegistryEventsApi.class);

    private final EventInbox inbox;
    private final byte[] secret;

    RegistryEventsApi(EventInbox inbox, WebhookProperties properties) {
        this.inbox = inbox;
        String secret = properties.secret();
        this.secret = secret.isBlank() ? null : ("Bearer " + secret.strip()).getBytes(StandardCharsets.UTF_8);
        if (this.secret == null) {
            log.warn("POST /v2/webhooks/events accepts unauthenticated events: set portus.webhooks.secret "
                    + "(PORTUS_WEBHOOKS_SECRET) and send it from the registry as 'Authorization: Bearer <secret>'");
        }
    }

    @PostMapping(path = "/v2/webhooks/events", consumes = {"application/vnd.docker.distribution.events.v1+json",
            "application/vnd.docker.distribution.events.v2+json", "application/json"})
    ResponseEntity<Map<String, Object>> receive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                                @RequestBody(required = false) byte[] body) {
        if (secret != null && (authorization == null
                || !MessageDigest.isEqual(secret, authorization.strip().getBytes(StandardCharsets.UTF_8)))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Portus registry events\"")
                    .body(Map.of("error", "Authentication fails: send the configured secret as 'Authorization: Bearer <secret>'"));
        }
        EventInbox.Accepted accepted;
        try {
            accepted = inbox.accept(body == null ? new byte[0] : body);
        } catch (DataAccessException e) {
            log.warn("registry events not stored (the registry will retry): {}", e.getMostSpecificCause().getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Map.of("error", "events cannot be stored now; retry later"));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("received", accepted.received(),
                "stored", accepted.stored(), "duplicates", accepted.duplicates(), "skipped", accepted.skipped()));
    }
}
