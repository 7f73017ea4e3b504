package io.portus.notification.internal;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.portus.common.InvalidSettingException;
import io.portus.common.JobLeases;
import io.portus.notification.NotificationProperties;
import io.portus.notification.NotificationProperties.Endpoint;
import io.portus.outbound.OutboundHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** Wires the outbox recorder and one delivery loop per configured endpoint (nothing when there are none). */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    /** The delivery loops, started and stopped with the context. */
    static final class Deliveries implements SmartLifecycle {
        private final List<EndpointDelivery> loops;
        private volatile boolean running;

        Deliveries(List<EndpointDelivery> loops) {
            this.loops = loops;
        }

        void wakeUp() {
            loops.forEach(EndpointDelivery::wakeUp);
        }

        @Override
        public void start() {
            running = true;
            loops.forEach(EndpointDelivery::start);
        }

        @Override
        public void stop() {
            running = false;
            loops.forEach(EndpointDelivery::stop);
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }

    @Bean
    Deliveries notificationDeliveries(NotificationProperties properties, Environment env, OutboxStore store,
                                      JobLeases leases, OutboundHttp outbound) {
        List<Endpoint> endpoints = validated(properties.active(env::getProperty));
        endpoints.forEach(e -> log.info("registry notifications go to endpoint {} at {}", e.name(), e.url()));
        return new Deliveries(endpoints.stream().map(e -> new EndpointDelivery(e, store, leases, outbound)).toList());
    }

    @Bean
    OutboxRecorder notificationOutboxRecorder(NotificationProperties properties, Environment env, OutboxStore store,
                                              JsonMapper json, Deliveries deliveries) {
        return new OutboxRecorder(validated(properties.active(env::getProperty)), store, json, deliveries::wakeUp);
    }

    static List<Endpoint> validated(List<Endpoint> endpoints) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint e = endpoints.get(i);
            String key = "portus.notifications.endpoints[" + i + "]";
            if (e.name() == null || e.name().isBlank() || e.name().length() > 150) {
                throw new InvalidSettingException(key + ".name", "required (at most 150 characters)");
            }
            if (!names.add(e.name())) {
                throw new InvalidSettingException(key + ".name", "'" + e.name() + "' is used by two endpoints");
            }
            String scheme;
            try {
                scheme = e.url() == null ? null : URI.create(e.url().trim()).getScheme();
            } catch (IllegalArgumentException bad) {
                scheme = null;
            }
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new InvalidSettingException(key + ".url", "must be an http:// or https:// URL, not '" + e.url() + "'");
            }
            if (e.threshold() < 1) {
                throw new InvalidSettingException(key + ".threshold", "must be at least 1");
            }
        }
        return endpoints;
    }
}
