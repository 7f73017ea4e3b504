package io.portus.catalog.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.registry-client.*}: Portus's own calls to external registries.
 *
 * @param timeout     connect timeout ({@code PORTUS_REGISTRY_TIMEOUT_VALUE} seconds)
 * @param readTimeout read timeout ({@code PORTUS_REGISTRY_READ_TIMEOUT_VALUE} seconds)
 */
@ConfigurationProperties("portus.registry-client")
record RegistryClientProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("120s") Duration readTimeout) {
}
