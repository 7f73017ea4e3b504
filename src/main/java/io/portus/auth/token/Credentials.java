package io.portus.auth.token;

import io.portus.auth.Principal;
import io.portus.auth.authn.CredentialsAuthenticator;
import io.portus.auth.throttle.AuthThrottle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who is asking: HTTP Basic credentials (a password or an application token) checked by the
 * {@link CredentialsAuthenticator}; no {@code Authorization} header = anonymous. Anything else is 401, or 429
 * while the client's address is throttled ({@link AuthThrottle}: checked before the credentials, so good ones
 * wait too; every refusal counts as a failure).
 */
final class Credentials {

    private final CredentialsAuthenticator authenticator;
    private final AuthThrottle throttle;

    Credentials(CredentialsAuthenticator authenticator, AuthThrottle throttle) {
        this.authenticator = authenticator;
        this.throttle = throttle;
    }

    /** The principal of a Basic {@code Authorization} header from {@code address}, null when there is none. */
    Principal fromHeader(String authorization, String address) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        notThrottled(address);
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Basic")) {
            throw refused(address, "the token endpoint takes Basic credentials");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(space + 1).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused(address, "malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw refused(address, "malformed Basic credentials");
        }
        return check(decoded.substring(0, colon), decoded.substring(colon + 1), address);
    }

    /** The principal of a user name and password (or application token) from {@code address}; 401 when refused. */
    Principal authenticate(String username, String secret, String address) {
        notThrottled(address);
        return check(username, secret, address);
    }

    /** 429 while {@code address} is throttled (memory only: no database access). */
    void notThrottled(String address) {
        var wait = throttle.throttled(address);
        if (wait.isPresent()) {
            throw TokenRequestException.tooManyRequests(wait.get());
        }
    }

    /** A failed authentication from {@code address}: counted, and 401, or 429 when it reached the limit. */
    TokenRequestException refused(String address, String message) {
        return throttle.failed(address).map(TokenRequestException::tooManyRequests)
                .orElseGet(() -> TokenRequestException.unauthorized(message));
    }

    private Principal check(String username, String secret, String address) {
        if (username.isEmpty() || secret.isEmpty()) {
            throw refused(address, "incorrect username or password");
        }
        return switch (authenticator.authenticate(username, secret, address)) {
            case CredentialsAuthenticator.Authenticated ok -> ok.principal();
            case CredentialsAuthenticator.Refused refused ->
                    throw refused(address, "incorrect username or password, or the account is disabled or locked");
            case CredentialsAuthenticator.Unavailable unavailable ->
                    throw TokenRequestException.unauthorized("the directory that checks this password (LDAP) cannot "
                            + "be reached; try again later");
        };
    }
}
