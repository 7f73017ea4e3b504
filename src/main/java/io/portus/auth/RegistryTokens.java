package io.portus.auth;

/**
 * Tokens for Portus's own calls to a registry (catalog checks, sync, deletes): signed as the hidden
 * {@code portus} user for the {@code service} and {@code scope} a registry's {@code WWW-Authenticate:
 * Bearer} challenge asked for, without going through {@code /v2/token} (no password needed).
 */
public interface RegistryTokens {

    /**
     * @param service the challenge's {@code service} (the token's audience)
     * @param scopes  the challenge's {@code scope} (space separated), may be empty
     * @return a bearer token
     */
    String forPortus(String service, String scopes);
}
