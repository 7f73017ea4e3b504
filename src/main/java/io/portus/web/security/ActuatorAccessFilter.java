package io.portus.web.security;

import io.portus.account.ApplicationTokenService;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.auth.throttle.AuthThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code /actuator} on the main port is for admins only, except {@code /actuator/health} (status only, for load
 * balancers and probes): a signed-in admin's UI session, or an admin's application token as
 * {@code Portus-Auth: <user>:<token>} or HTTP Basic {@code <user>:<token>} (what Prometheus' {@code basic_auth}
 * sends). Anonymous: 401 with a Basic challenge and no body; not an admin: 403; wrong tokens count towards the
 * address' throttle (429 with {@code Retry-After}, like every other sign-in). On a separate management port
 * ({@code management.server.port}) the endpoints are served as Spring serves them, for a scrape on a private
 * network.
 */
final class ActuatorAccessFilter extends OncePerRequestFilter {

    static final String REALM = "Basic realm=\"Portus metrics\", charset=\"UTF-8\"";

    private final UserService users;
    private final ApplicationTokenService tokens;
    private final AuthThrottle throttle;
    private final Environment environment;

    ActuatorAccessFilter(UserService users, ApplicationTokenService tokens, AuthThrottle throttle, Environment environment) {
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
        this.environment = environment;
    }

    /** The decoded, normalised path (never the raw URI: {@code /actuator/health/../prometheus} is not health). */
    static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.equals("/actuator") || path.startsWith("/actuator/"))
                || path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                || onManagementPort(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<User> user = sessionUser(request);
        if (user.isEmpty()) {
            Credentials credentials = credentials(request);
            if (credentials != null) {
                Optional<Duration> wait = throttle.throttled(request.getRemoteAddr());
                if (wait.isEmpty()) {
                    var login = tokens.authenticateToken(credentials.username(), credentials.token());
                    login.ifPresent(l -> tokens.used(l.token(), request.getRemoteAddr()));
                    // a scoped token is for the registry only: never the metrics
                    user = login.filter(l -> l.token().scope() == null).map(ApplicationTokenService.TokenLogin::user);
                    wait = user.isEmpty() ? throttle.failed(request.getRemoteAddr()) : Optional.empty();
                }
                if (wait.isPresent()) {
                    response.setHeader("Retry-After", AuthThrottle.retryAfter(wait.get()));
                    empty(response, 429);
                    return;
                }
            }
        }
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", REALM);
            empty(response, HttpServletResponse.SC_UNAUTHORIZED);
        } else if (!user.get().admin()) {
            empty(response, HttpServletResponse.SC_FORBIDDEN);
        } else {
            chain.doFilter(request, response);
        }
    }

    private boolean onManagementPort(HttpServletRequest request) {
        String management = environment.getProperty("local.management.port");
        String server = environment.getProperty("local.server.port");
        return management != null && !management.equals(server) && management.equals(Integer.toString(request.getLocalPort()));
    }

    private Optional<User> sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext context) || context.getAuthentication() == null
                || !(context.getAuthentication().getPrincipal() instanceof UiPrincipal principal)) {
            return Optional.empty();
        }
        return users.find(principal.userId()).filter(u -> u.enabled() && !u.bot());
    }

    private record Credentials(String username, String token) {
    }

    /** From Portus-Auth or Basic, or null when neither is there or well formed. */
    private static Credentials credentials(HttpServletRequest request) {
        String value = request.getHeader("Portus-Auth");
        String authorization = request.getHeader("Authorization");
        if (value == null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                value = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        int colon = value == null ? -1 : value.indexOf(':');
        return colon <= 0 ? null : new Credentials(value.substring(0, colon).trim(), value.substring(colon + 1).trim());
    }

    private static void empty(HttpServletResponse response, int status) {
        response.setStatus(status);
        response.setContentLength(0);
    }
}
