package io.portus.web.security;

import io.portus.account.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a user in right after they created their account (as Portus does after sign-up): a new session id
 * and a new CSRF token, as the sign-in form would give.
 */
@Component
public final class SessionSignIn {

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final HttpSessionCsrfTokenRepository csrf = new HttpSessionCsrfTokenRepository();

    public void signIn(User user, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        csrf.saveToken(null, request, response);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new UiPrincipal(user.id(), user.username()), null, AuthorityUtils.createAuthorityList("ROLE_USER")));
        contexts.setContext(context);
        repository.saveContext(context, request, response);
    }
}
