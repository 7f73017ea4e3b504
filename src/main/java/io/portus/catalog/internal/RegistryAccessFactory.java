package io.portus.catalog.internal;

import java.time.Duration;

import io.portus.auth.RegistryTokens;
import io.portus.namespace.Registry;
import io.portus.outbound.OutboundClient;
import io.portus.outbound.OutboundHttp;
import io.portus.registry.ManifestDeletes;
import io.portus.storage.RegistryStorage;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link RegistryAccess} for a registry of the {@code registries} table: the built-in one through its
 * storage and its {@link ManifestDeletes}, others over HTTP(S) at their hostname with Portus's timeouts ({@code portus.registry-client.*}:
 * connect 2 s and read 120 s by default, as Portus's {@code registry.timeout} / {@code read_timeout}), through
 * {@link OutboundHttp}: redirects are followed, each hop checked by the outbound address rule.
 */
@Component
class RegistryAccessFactory {

    private final RegistryStorage storage;
    private final JsonMapper json;
    private final ManifestDeletes builtInDeletes;
    private final OutboundClient http;
    private final Duration readTimeout;
    private final RemoteAuth auth;

    RegistryAccessFactory(RegistryStorage storage, JsonMapper json, RegistryTokens tokens,
                          ManifestDeletes builtInDeletes, OutboundHttp outbound,
                          RegistryClientProperties properties) {
        this.storage = storage;
        this.json = json;
        this.builtInDeletes = builtInDeletes;
        this.readTimeout = properties.readTimeout();
        this.auth = new RemoteAuth(tokens);
        this.http = outbound.client(properties.timeout(), true);
    }

    RegistryAccess of(Registry registry) {
        if (registry.builtin()) {
            // the sync only reads: without the collector's guard (RegistryStorage#unguarded)
            return new BuiltInAccess(storage.unguarded(), json, builtInDeletes, registry.hostname());
        }
        String base = (registry.useSsl() ? "https://" : "http://") + registry.hostname();
        return new RemoteAccess(http, base, auth, json, readTimeout);
    }
}
