package io.portus.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portus.access-log}: whether the access log ({@link AccessLogValve}) is written. {@code enabled}
 * ({@code PORTUS_ACCESS_LOG_ENABLED}) decides when set; else distribution's
 * {@code REGISTRY_LOG_ACCESSLOG_DISABLED=false} switches it on; else it is off.
 */
@ConfigurationProperties("portus.access-log")
record AccessLogProperties(Boolean enabled, Boolean registryDisabled) {

    boolean on() {
        return enabled != null ? enabled : registryDisabled != null && !registryDisabled;
    }
}
