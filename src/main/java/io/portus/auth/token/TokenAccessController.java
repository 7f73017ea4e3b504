package io.portus.auth.token;

import io.portus.registry.AccessController;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Token mode of the built-in registry ({@code portus.registry.auth=token}): the request's Bearer token must
 * verify ({@link TokenVerifier}) and grant every required access. Otherwise a 401 challenge, with
 * {@code error="invalid_token"} when a token failed verification and {@code error="insufficient_scope"}
 * when it lacks access (docs/compatibility.md#registry-auth).
 */
final class TokenAccessController implements AccessController {

    private final TokenVerifier verifier;
    private final Supplier<String> realm;
    private final Supplier<String> service;

    TokenAccessController(TokenVerifier verifier, Supplier<String> realm, Supplier<String> service) {
        this.verifier = verifier;
        this.realm = realm;
        this.service = service;
    }

    @Override
    public Decision authorize(String authorization, List<Access> required) {
        String token = bearerToken(authorization);
        if (token == null) {
            return challenge(required, required, null, "authentication required");
        }
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (InvalidTokenException e) {
            return challenge(required, required, "invalid_token", "authentication required: " + e.getMessage());
        }
        List<Access> missing = new ArrayList<>();
        for (Access access : required) {
            if (!verified.allows(access.type(), access.name(), access.action())) {
                missing.add(access);
            }
        }
        if (missing.isEmpty()) {
            return new Granted(verified.subject());
        }
        return challenge(required, missing, "insufficient_scope",
                "authentication required: the token does not grant " + Challenges.scope(missing));
    }

    private Challenge challenge(List<Access> required, List<Access> missing, String error, String message) {
        return new Challenge(false, Challenges.bearer(realm.get(), service.get(), required, error), "UNAUTHORIZED",
                message, List.copyOf(missing));
    }

    /** The token of a {@code Bearer <token>} header (scheme case-insensitive), or null. */
    static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
            return null;
        }
        String token = header.substring(space + 1).strip();
        return token.isEmpty() || token.indexOf(' ') >= 0 ? null : token;
    }
}
