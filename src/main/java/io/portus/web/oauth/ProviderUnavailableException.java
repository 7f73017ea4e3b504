package io.portus.web.oauth;

import org.springframework.security.core.AuthenticationException;

/**
 * A provider that could not be reached or answered nonsense (discovery, membership APIs): an authentication
 * failure like any other, so the sign-in page shows the message instead of an error page.
 */
final class ProviderUnavailableException extends AuthenticationException {

    ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
