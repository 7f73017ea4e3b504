package io.portus.web.security;

import io.portus.auth.throttle.AuthThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The sign-in form under the client address' throttle ({@link AuthThrottle}): while the address is throttled a
 * sign-in is not even checked, and the form comes back with status 429, {@code Retry-After} and a message (the
 * request is forwarded to {@link #PATH}, rendered by the session pages). Failed sign-ins are counted by
 * {@link SignInFailureHandler}.
 */
public final class ThrottledSignIn extends OncePerRequestFilter {

    /** Where a throttled sign-in is forwarded to; only a forward carrying {@link #ATTRIBUTE} shows the message. */
    public static final String PATH = "/users/sign_in/throttled";
    private static final String ATTRIBUTE = ThrottledSignIn.class.getName() + ".retryAfter";

    private final AuthThrottle throttle;

    ThrottledSignIn(AuthThrottle throttle) {
        this.throttle = throttle;
    }

    /** How long the client must wait, when this request was forwarded here as throttled. */
    public static Optional<Duration> retryAfter(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Duration wait ? Optional.of(wait) : Optional.empty();
    }

    static void forward(HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, wait);
        response.setHeader("Retry-After", AuthThrottle.retryAfter(wait));
        request.getRequestDispatcher(PATH).forward(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/users/sign_in".equals(ActuatorAccessFilter.path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = throttle.throttled(request.getRemoteAddr());
        if (wait.isPresent()) {
            forward(request, response, wait.get());
        } else {
            chain.doFilter(request, response);
        }
    }
}
