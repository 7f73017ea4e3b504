package io.portus.web.oauth;

import io.portus.account.User;
import io.portus.common.InvalidInputException;
import io.portus.web.security.SessionSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.io.IOException;
import java.util.Optional;

/**
 * A provider vouched for someone (Spring Security checked state, PKCE, nonce and the ID token): their Portus
 * account signs in through {@link SessionSignIn}, exactly as the password form's users do, so the rest of the UI
 * sees the same {@code UiPrincipal}. A first sign-in creates the account under the provider's name; when that
 * name is taken or invalid (or no usable email came), the identity waits in the session and
 * {@code /users/oauth} asks. A disabled account is refused.
 */
final class ProviderSignIn implements AuthenticationSuccessHandler {

    static final String PENDING = ProviderSignIn.class.getName() + ".pending";
    private static final Logger log = LoggerFactory.getLogger(ProviderSignIn.class);

    private final ProviderAccounts accounts;
    private final SessionSignIn sessions;

    ProviderSignIn(ProviderAccounts accounts, SessionSignIn sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        forgetProviderAuthentication(request);
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        ProviderIdentity identity = ProviderUsers.of(token.getAuthorizedClientRegistrationId(),
                token.getPrincipal().getAttributes());
        if (identity.uid() == null || identity.uid().length() > 255) {
            SignInFailures.refuse(request, response, "The provider did not say who you are, so you were not signed in.");
            return;
        }
        Optional<User> existing = accounts.find(identity);
        if (existing.isPresent()) {
            User user = existing.get();
            if (!user.enabled() || user.bot()) {
                log.info("Provider sign-in of disabled user {} refused", user.username());
                SignInFailures.refuse(request, response, "Your account is disabled. Ask an administrator to enable it.");
                return;
            }
            sessions.signIn(user, request, response);
            response.sendRedirect(request.getContextPath() + "/dashboard");
            return;
        }
        try {
            User user = accounts.create(identity, UsernameSuggestion.of(identity), identity.email());
            log.info("Account {} created at its first sign-in with {}", user.username(), identity.provider());
            sessions.signIn(user, request, response);
            response.sendRedirect(request.getContextPath() + "/dashboard");
        } catch (InvalidInputException e) {
            request.getSession().setAttribute(PENDING,
                    PendingAccount.of(identity, identity.email() == null, e.errors()));
            response.sendRedirect(request.getContextPath() + PendingAccountPages.PATH);
        }
    }

    /** Spring Security stored the provider's authentication; ours (a UiPrincipal) replaces it, or none. */
    private static void forgetProviderAuthentication(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
    }
}
