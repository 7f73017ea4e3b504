package io.portus.registry;

import java.util.List;

/**
 * Allows every request, as an anonymous actor: the registry of {@code portus.registry.auth=none}
 * (local development, or a registry behind its own authenticating proxy).
 */
public final class OpenAccessController implements AccessController {

    private static final Granted ANONYMOUS = new Granted("");

    @Override
    public Decision authorize(String authorization, List<Access> required) {
        return ANONYMOUS;
    }
}
