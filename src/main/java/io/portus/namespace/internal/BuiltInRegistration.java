package io.portus.namespace.internal;

import io.portus.common.InvalidInputException;
import io.portus.common.InvalidSettingException;
import io.portus.namespace.RegistryService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Registers the built-in registry at start-up under {@code portus.registry.service} (default
 * {@code <machine-fqdn>:<server.port>}). When the port is 0 (a random port, in tests) the hostname is
 * corrected to the real port once the server listens.
 */
@Component
class BuiltInRegistration implements SmartInitializingSingleton {

    private final RegistryService registries;
    private final Environment env;

    BuiltInRegistration(RegistryService registries, Environment env) {
        this.registries = registries;
        this.env = env;
    }

    @Override
    public void afterSingletonsInstantiated() {
        register(service());
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        String service = service();
        String port = env.getProperty("local.server.port");
        if (service.endsWith(":0") && port != null) {
            register(service.substring(0, service.length() - 1) + port);
        }
    }

    private String service() {
        return env.getProperty("portus.registry.service", "localhost:5000").trim();
    }

    private void register(String service) {
        try {
            registries.registerBuiltin(env.getProperty("portus.registry.name", "built-in"), service);
        } catch (InvalidInputException e) {
            throw new InvalidSettingException("portus.registry.service", "'" + service + "' " + e.getMessage());
        }
    }
}
