package io.portus.web.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.io.IOException;

/**
 * A refused or failed provider sign-in (tampered or replayed callback, wrong state, ID token that does not
 * verify, provider down, membership refused): back to the sign-in page with a message a person can act on,
 * never an error page and never a signed-in session. Texts from the callback's URL are never shown (anyone
 * can craft one); only our own messages are.
 */
final class SignInFailures implements AuthenticationFailureHandler {

    static final String SIGN_IN = "/users/sign_in";
    private static final Logger log = LoggerFactory.getLogger(SignInFailures.class);
    private static final SessionFlashMapManager FLASH = new SessionFlashMapManager();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String message = message(exception);
        log.info("Provider sign-in refused ({}): {}", request.getRequestURI(), describe(exception));
        refuse(request, response, message);
    }

    /** Back to the sign-in page with {@code message} as its alert. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        FlashMap flash = new FlashMap();
        flash.put("alert", message); // io.portus.web.support.Flash's alert, shown by the page layout
        flash.setTargetRequestPath(SIGN_IN);
        FLASH.saveOutputFlashMap(flash, request, response);
        response.sendRedirect(request.getContextPath() + SIGN_IN);
    }

    static String message(AuthenticationException exception) {
        AuthenticationException e = exception;
        if (e.getCause() instanceof AuthenticationException cause && !(e instanceof OAuth2AuthenticationException)) {
            e = cause;
        }
        if (e instanceof ProviderUnavailableException) {
            return e.getMessage();
        }
        if (exception.getCause() instanceof IllegalArgumentException) {
            return "This sign-in provider is not enabled on this Portus.";
        }
        if (!(e instanceof OAuth2AuthenticationException oauth)) {
            return "The sign-in with your provider failed. Please try again.";
        }
        String code = oauth.getError().getErrorCode();
        return switch (code) {
            case Restrictions.REFUSED -> oauth.getError().getDescription();
            case "authorization_request_not_found", "invalid_state_parameter" -> "This sign-in could not be matched to "
                    + "one you started here: it was already used, expired, or came from another browser. Please sign in again.";
            case "invalid_id_token", "invalid_nonce", "invalid_user_info_response" -> "The provider's answer could not "
                    + "be verified, so you were not signed in. Please sign in again, or tell your administrator.";
            case "invalid_grant", "invalid_token_response" -> "The provider refused this sign-in "
                    + "(its code was invalid, expired or already used). Please sign in again.";
            case "access_denied" -> "The sign-in was cancelled at the provider.";
            case "client_registration_not_found" -> "This sign-in provider is not enabled on this Portus.";
            default -> "The sign-in with your provider failed. Please try again, or tell your administrator.";
        };
    }

    private static String describe(AuthenticationException e) {
        String code = e instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : e.getClass().getSimpleName();
        return code.replaceAll("[^A-Za-z0-9_.-]", "?") + (e.getCause() == null ? "" : " caused by " + e.getCause().getClass().getSimpleName());
    }
}
