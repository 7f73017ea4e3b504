package io.portus.catalog.internal;

import java.net.http.HttpClient;
import java.time.Duration;

import io.portus.auth.RegistryTokens;
import io.portus.namespace.Registry;
import io.portus.registry.ManifestDeletes;
import io.portus.storage.RegistryStorage;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link RegistryAccess} for a registry of the {@code registries} table: the built-in one through its
 * storage and its {@link ManifestDeletes}, others over HTTP(S) at their hostname with Portus's timeouts ({@code portus.registry-client.*}:
 * connect 2 s and read 120 s by default, as Portus's {@code registry.timeout} / {@code read_timeout}).
 */
@Component
class RegistryAccessFactory {

    private final RegistryStorage storage;
    private final JsonMapper json;
    private final ManifestDeletes builtInDeletes;
    private final HttpClient http;
    private final Duration readTimeout;
    private final RemoteAuth auth;

    RegistryAccessFactory(RegistryStorage storage, JsonMapper json, RegistryTokens tokens,
                          ManifestDeletes builtInDeletes,
                          RegistryClientProperties properties) {
        this.storage = storage;
        this.json = json;
        this.builtInDeletes = builtInDeletes;
        this.readTimeout = properties.readTimeout();
        this.auth = new RemoteAuth(tokens);
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    RegistryAccess of(Registry registry) {
        if (registry.builtin()) {
            return new BuiltInAccess(storage, json, builtInDeletes, registry.hostname());
        }
        String base = (registry.useSsl() ? "https://" : "http://") + registry.hostname();
        return new RemoteAccess(http, base, auth, json, readTimeout);
    }
}
