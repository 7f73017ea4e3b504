package io.portus.auth.token;

import org.springframework.core.env.Environment;

import java.util.function.Supplier;

/**
 * The built-in registry's service name ({@code portus.registry.service}), the audience its tokens must
 * carry. A {@code :0} port (a random port, in tests) is replaced by the real one once the server listens.
 */
final class BuiltInService implements Supplier<String> {

    private final Environment environment;
    private volatile String resolved;

    BuiltInService(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String get() {
        String service = resolved;
        if (service != null) {
            return service;
        }
        service = environment.getProperty("portus.registry.service", "localhost:5000").strip();
        if (service.endsWith(":0")) {
            String port = environment.getProperty("local.server.port");
            if (port == null) {
                return service;
            }
            service = service.substring(0, service.length() - 1) + port;
        }
        resolved = service;
        return service;
    }
}
