package io.portus.registry;

import java.util.List;

/**
 * Decides whether a registry request may proceed (distribution's {@code auth.AccessController}).
 * {@code none} mode allows everything; token mode (package {@code io.portus.auth}) verifies a Bearer JWT.
 */
public interface AccessController {

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @param required      the accesses the request needs (empty for {@code GET /v2/}: any valid credential)
     */
    Decision authorize(String authorization, List<Access> required);

    /** One access: {@code repository:<name>:<action>} or {@code registry:catalog:*}. */
    record Access(String type, String name, String action) {
        public static Access repository(String name, String action) {
            return new Access("repository", name, action);
        }

        @Override
        public String toString() {
            return type + ":" + name + ":" + action;
        }
    }

    /** The outcome: granted (with the actor's name for events) or a challenge. */
    sealed interface Decision {
    }

    /** @param actor the user name for events ("" when anonymous) */
    record Granted(String actor) implements Decision {
    }

    /**
     * Refused: 401 with {@code WWW-Authenticate} (or 403 when {@code forbidden}), the protocol error code
     * (UNAUTHORIZED or DENIED), a message and the missing accesses for the error detail.
     */
    record Challenge(boolean forbidden, String wwwAuthenticate, String code, String message, List<Access> missing)
            implements Decision {
    }
}
