package io.portus.registry.internal;

import java.util.function.Supplier;

import io.portus.registry.AccessController;
import io.portus.registry.OpenAccessController;
import io.portus.registry.RegistryProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Picks the {@link AccessController} for {@code portus.registry.auth}: {@code none} → the
 * {@link OpenAccessController}; {@code token} → the token service's controller (the {@code @Primary} one if
 * there are several), whose absence stops start-up with one clear line (checked once every singleton exists).
 */
final class AccessControllers implements Supplier<AccessController>, SmartInitializingSingleton {

    static final String NO_TOKEN_SERVICE =
            "PORTUS_REGISTRY_AUTH=token needs the token service; set PORTUS_REGISTRY_AUTH=none for an open registry";

    private final ObjectProvider<AccessController> candidates;
    private final String mode;
    private volatile AccessController resolved;

    AccessControllers(ObjectProvider<AccessController> candidates, RegistryProperties properties) {
        this.candidates = candidates;
        this.mode = properties.auth() == null ? "" : properties.auth().strip();
    }

    @Override
    public void afterSingletonsInstantiated() {
        get();
    }

    @Override
    public AccessController get() {
        AccessController controller = resolved;
        if (controller == null) {
            controller = resolve();
            resolved = controller;
        }
        return controller;
    }

    private AccessController resolve() {
        if (mode.equalsIgnoreCase("none")) {
            return candidates.orderedStream().filter(OpenAccessController.class::isInstance).findFirst()
                    .orElseGet(OpenAccessController::new);
        }
        if (mode.equalsIgnoreCase("token")) {
            AccessController primary = candidates.getIfUnique();
            if (primary != null && !(primary instanceof OpenAccessController)) {
                return primary;
            }
            return candidates.orderedStream().filter(c -> !(c instanceof OpenAccessController)).findFirst()
                    .orElseThrow(() -> new RegistryStartupException(NO_TOKEN_SERVICE,
                            "Set PORTUS_REGISTRY_AUTH=none (portus.registry.auth: none) for an open registry,"
                                    + " or run a build that includes the token service."));
        }
        throw new RegistryStartupException("portus.registry.auth (PORTUS_REGISTRY_AUTH) must be token or none, not '"
                + mode + "'", "Set PORTUS_REGISTRY_AUTH to token or none.");
    }
}
