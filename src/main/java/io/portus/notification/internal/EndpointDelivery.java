package io.portus.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.portus.common.JobLeases;
import io.portus.notification.NotificationProperties.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one endpoint's queue in order, as distribution does but durably: {@code POST url} with
 * {@code {"events":[event]}}, Content-Type {@code application/vnd.docker.distribution.events.v1+json} and the
 * static headers; a 2xx or 3xx answer delivers, anything else is retried, after {@code threshold}
 * consecutive failures only every {@code backoff}. Runs on the instance holding the endpoint's lease.
 */
final class EndpointDelivery {

    static final String MEDIA_TYPE = "application/vnd.docker.distribution.events.v1+json";
    private static final Logger log = LoggerFactory.getLogger(EndpointDelivery.class);
    private static final Duration LEASE_TTL = Duration.ofSeconds(30);

    private final Endpoint endpoint;
    private final OutboxStore store;
    private final JobLeases leases;
    private final HttpClient http;
    private final Semaphore wake = new Semaphore(0);
    private final String lease;
    private volatile boolean running;
    private Thread thread;
    private int failures;

    EndpointDelivery(Endpoint endpoint, OutboxStore store, JobLeases leases) {
        this.endpoint = endpoint;
        this.store = store;
        this.leases = leases;
        this.lease = "notifications:" + endpoint.name();
        this.http = HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build();
    }

    void wakeUp() {
        wake.release();
    }

    void start() {
        running = true;
        thread = Thread.ofVirtual().name("notifications-" + endpoint.name()).start(this::run);
    }

    void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            long pause = 500;
            try {
                if (leases.acquire(lease, LEASE_TTL)) {
                    pause = deliverHead();
                }
            } catch (RuntimeException e) {
                log.warn("notifications to {} paused: {}", endpoint.name(), e.getMessage());
            }
            if (pause > 0) {
                try {
                    wake.tryAcquire(pause, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Sends the head of the queue; returns how long to pause before the next attempt (0 = go on). */
    private long deliverHead() {
        Optional<OutboxStore.Row> head = store.head(endpoint.name());
        if (head.isEmpty()) {
            return 500;
        }
        OutboxStore.Row row = head.get();
        String error = send("{\"events\":[" + row.data() + "]}");
        if (error == null) {
            store.delivered(row.id());
            failures = 0;
            return 0;
        }
        store.failed(row.id(), error);
        failures++;
        if (failures == endpoint.threshold()) {
            log.warn("notifications to {} ({}) failing: {}; retrying every {}", endpoint.name(), endpoint.url(), error,
                    endpoint.backoff());
        }
        return failures >= endpoint.threshold() ? endpoint.backoff().toMillis() : 50;
    }

    private String send(String envelope) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(endpoint.timeout())
                .header("Content-Type", MEDIA_TYPE).POST(HttpRequest.BodyPublishers.ofString(envelope));
        endpoint.headers().forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 400 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
