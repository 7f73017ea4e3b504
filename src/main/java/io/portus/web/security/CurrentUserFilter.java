package io.portus.web.security;

import io.portus.account.User;
import io.portus.account.UserService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Re-reads the signed-in user on every UI request and exposes it as {@link CurrentUser#ATTRIBUTE}: a user
 * disabled, deleted or turned into a bot since signing in is signed out at once (the session ends and the
 * request continues as anonymous, so protected pages redirect to the sign-in form).
 */
final class CurrentUserFilter extends OncePerRequestFilter {

    private final UserService users;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    CurrentUserFilter(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = contexts.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof UiPrincipal principal) {
            Optional<User> user = users.find(principal.userId()).filter(u -> u.enabled() && !u.bot());
            if (user.isPresent()) {
                request.setAttribute(CurrentUser.ATTRIBUTE, user.get());
            } else {
                contexts.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
