package io.portus.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.portus.common.JobLeases;
import io.portus.common.LeasedLoop;
import io.portus.notification.NotificationProperties.Endpoint;
import io.portus.outbound.OutboundClient;
import io.portus.outbound.OutboundHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one endpoint's queue in order, as distribution does but durably: {@code POST url} with
 * {@code {"events":[event]}}, Content-Type {@code application/vnd.docker.distribution.events.v1+json} and the
 * static headers; a 2xx or 3xx answer delivers, anything else is retried, after {@code threshold}
 * consecutive failures only every {@code backoff}. Runs on the instance holding the endpoint's lease.
 * Requests go through {@link OutboundHttp} (no link-local or metadata addresses, redirects not followed: a
 * 3xx is the answer); a refused address is a failure recorded with the reason.
 */
final class EndpointDelivery {

    static final String MEDIA_TYPE = "application/vnd.docker.distribution.events.v1+json";
    private static final Logger log = LoggerFactory.getLogger(EndpointDelivery.class);
    private static final Duration LEASE_TTL = Duration.ofSeconds(30);
    private static final Duration IDLE = Duration.ofMillis(500);

    private final Endpoint endpoint;
    private final OutboxStore store;
    private final OutboundClient http;
    private final LeasedLoop loop;
    private int failures;

    EndpointDelivery(Endpoint endpoint, OutboxStore store, JobLeases leases, OutboundHttp outbound) {
        this.endpoint = endpoint;
        this.store = store;
        this.http = outbound.client(endpoint.timeout(), false);
        this.loop = new LeasedLoop(new LeasedLoop.Settings("notifications-" + endpoint.name(),
                "notifications:" + endpoint.name(), LEASE_TTL, IDLE, Duration.ofSeconds(10)), leases,
                this::deliverHead, e -> log.warn("notifications to {} paused: {}", endpoint.name(), e.getMessage()));
    }

    void wakeUp() {
        loop.wakeUp();
    }

    void start() {
        loop.start();
    }

    void stop() {
        loop.stop();
    }

    /** Sends the head of the queue; returns how long to pause before the next attempt (zero = go on). */
    private Duration deliverHead() {
        Optional<OutboxStore.Row> head = store.head(endpoint.name());
        if (head.isEmpty()) {
            return IDLE;
        }
        OutboxStore.Row row = head.get();
        String error = send("{\"events\":[" + row.data() + "]}");
        if (error == null) {
            store.delivered(row.id());
            if (failures >= endpoint.threshold()) {
                log.info("notifications to {} delivered again", endpoint.name());
            }
            failures = 0;
            return Duration.ZERO;
        }
        store.failed(row.id(), error);
        failures++;
        if (failures == endpoint.threshold()) {
            log.warn("notifications to {} ({}) failing: {}; retrying every {}", endpoint.name(), endpoint.url(), error,
                    endpoint.backoff());
        }
        return failures >= endpoint.threshold() ? endpoint.backoff() : Duration.ofMillis(50);
    }

    private String send(String envelope) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", MEDIA_TYPE));
        endpoint.headers().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        try {
            int status = http.send(new OutboundClient.Request("POST", URI.create(endpoint.url()), headers,
                    envelope.getBytes(StandardCharsets.UTF_8), endpoint.timeout(), 0)).status();
            return status >= 200 && status < 400 ? null : "HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            return e.toString();
        }
    }
}
