package io.portus.common;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a shutdown waits for after the requests in flight (those get {@code spring.lifecycle.timeout-per-shutdown-phase},
 * {@code PORTUS_SHUTDOWN_TIMEOUT}).
 *
 * @param queueWait how long each background queue (registry events for the catalog and for the notification outbox)
 *                  may take to write out what it holds, retrying a database that is away
 *                  ({@code PORTUS_SHUTDOWN_QUEUE_WAIT}); what is left then is reported at ERROR with a count
 */
@ConfigurationProperties("portus.shutdown")
public record ShutdownProperties(@DefaultValue("10s") Duration queueWait) {
}
