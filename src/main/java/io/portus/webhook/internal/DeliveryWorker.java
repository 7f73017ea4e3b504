package io.portus.webhook.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portus.common.DbTime;
import io.portus.common.JobLeases;
import io.portus.common.LeasedLoop;
import io.portus.common.LoopOwner;
import io.portus.outbound.OutboundClient;
import io.portus.outbound.OutboundHttp;
import io.portus.webhook.Delivery;
import io.portus.webhook.WebhookProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries on the instance holding the {@code webhook-deliveries} lease and stores what
 * was sent (secret header values and the password filtered out) and received. A 2xx answer ends a delivery;
 * otherwise it is tried again with growing pauses, up to {@code portus.webhooks.max-attempts}. Requests go
 * through {@link OutboundHttp} (no link-local or metadata addresses, redirects not followed); a refused
 * address is recorded as a failed delivery saying why.
 */
@Component
class DeliveryWorker extends LoopOwner {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final String LEASE = "webhook-deliveries";
    private static final int MAX_BODY = 65_536;

    private final DeliveryStore deliveries;
    private final WebhookStore webhooks;
    private final SecretBox secrets;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration retryBase;
    private final OutboundClient http;
    private final LeasedLoop loop;

    DeliveryWorker(DeliveryStore deliveries, WebhookStore webhooks, SecretBox secrets, JobLeases leases,
                   OutboundHttp outbound,
                   WebhookProperties properties) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.timeout = properties.timeout();
        this.maxAttempts = properties.maxAttempts();
        this.retryBase = properties.retryDelay();
        this.http = outbound.client(Duration.ofSeconds(5), false);
        this.loop = new LeasedLoop(new LeasedLoop.Settings("webhook-deliveries", LEASE, Duration.ofMinutes(2),
                Duration.ofSeconds(1), Duration.ofSeconds(10)), leases, () -> {
                    deliveries.due(20).forEach(this::send);
                    return Duration.ofSeconds(1);
                }, e -> log.warn("webhook deliveries paused: {}", e.getMessage()));
    }

    void wakeUp() {
        loop.wakeUp();
    }

    private void send(Delivery d) {
        var hook = webhooks.byId(d.webhookId());
        if (hook.isEmpty()) {
            return;
        }
        WebhookStore.Row w = hook.get();
        String contentType = w.contentType() == 0 ? "application/json" : "application/x-www-form-urlencoded";
        Map<String, String> shown = new LinkedHashMap<>();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", contentType));
        shown.put("Content-Type", contentType);
        for (WebhookStore.HeaderRow h : webhooks.headers(w.id())) {
            headers.add(Map.entry(h.name(), secrets.decrypt(h.valueEnc())));
            shown.put(h.name(), "[FILTERED]");
        }
        if (w.username() != null) {
            String pw = w.passwordEnc() == null ? "" : secrets.decrypt(w.passwordEnc());
            headers.add(Map.entry("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((w.username() + ":" + pw).getBytes(StandardCharsets.UTF_8))));
            shown.put("Authorization", "[FILTERED]");
        }
        int attempts = d.attempts() + 1;
        int status;
        String responseHeader;
        String responseBody;
        try {
            byte[] body = (d.requestBody() == null ? "" : d.requestBody()).getBytes(StandardCharsets.UTF_8);
            OutboundClient.Response r = http.send(new OutboundClient.Request(w.method() == 0 ? "GET" : "POST",
                    URI.create(w.url()), headers, body, timeout, MAX_BODY));
            status = r.status();
            responseHeader = r.headers().toString();
            responseBody = new String(r.body(), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            status = 0;
            responseHeader = "";
            responseBody = e.toString();
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
        boolean ok = status >= 200 && status < 300;
        Instant next = ok || attempts >= maxAttempts ? null
                : DbTime.now().plus(retryBase.multipliedBy(1L << Math.min(attempts - 1, 10)));
        deliveries.recorded(d.id(), status, shown.toString(), responseHeader, responseBody, attempts, next);
        if (!ok) {
            log.info("webhook {} delivery {} answered {} (attempt {}{}){}", w.name(), d.uuid(), status, attempts,
                    next == null ? ", giving up" : "", status == 0 ? ": " + responseBody : "");
        }
    }

    @Override
    protected LeasedLoop loop() {
        return loop;
    }
}
