package io.portus.auth.token;

import io.portus.auth.Principal;
import io.portus.auth.authn.CredentialsAuthenticator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who is asking: HTTP Basic credentials (a password or an application token) checked by the
 * {@link CredentialsAuthenticator}; no {@code Authorization} header = anonymous. Anything else is 401.
 */
final class Credentials {

    private final CredentialsAuthenticator authenticator;

    Credentials(CredentialsAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The principal of a Basic {@code Authorization} header, null when there is none. */
    Principal fromHeader(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Basic")) {
            throw TokenRequestException.unauthorized("the token endpoint takes Basic credentials");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(space + 1).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TokenRequestException.unauthorized("malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw TokenRequestException.unauthorized("malformed Basic credentials");
        }
        return authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** The principal of a user name and password (or application token); 401 when refused. */
    Principal authenticate(String username, String secret) {
        if (username.isEmpty() || secret.isEmpty()) {
            throw TokenRequestException.unauthorized("incorrect username or password");
        }
        return switch (authenticator.authenticate(username, secret)) {
            case CredentialsAuthenticator.Authenticated ok -> ok.principal();
            case CredentialsAuthenticator.Refused refused ->
                    throw TokenRequestException.unauthorized("incorrect username or password, or the account is disabled or locked");
        };
    }
}
