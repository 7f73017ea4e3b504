package io.portus.web.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * With {@code oauth.local_login.enabled=false} the UI has no password sign-in and no sign-up: a password posted
 * to the sign-in form anyway is not even checked, and the sign-up page sends people to the providers' buttons.
 * Local accounts keep {@code docker login}, {@code Portus-Auth} and the API (application tokens, the bootstrap).
 */
final class LocalLoginOff extends OncePerRequestFilter {

    static final String MESSAGE = "Sign-in with a password is disabled on this Portus: use one of the buttons below.";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !(path.equals("/users/sign_up") || ("POST".equals(request.getMethod()) && path.equals(SignInFailures.SIGN_IN)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        SignInFailures.refuse(request, response, MESSAGE);
    }
}
