package io.portus.auth.token;

import io.portus.registry.RequestHost;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Remembers the request being served on this thread, so the registry's challenge can name a realm on the
 * host the client used ({@code <scheme>://<host>/v2/token}; behind a trusted proxy the forwarded one, see
 * {@link RequestHost}) although the registry passes only the {@code Authorization} header to the
 * {@link io.portus.registry.AccessController}.
 */
final class CurrentRequest extends OncePerRequestFilter {

    private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest previous = CURRENT.get();
        CURRENT.set(request);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** {@code <scheme>://<host>/v2/token} of the current request, or null when unknown or the host is odd. */
    static String realm() {
        HttpServletRequest request = CURRENT.get();
        if (request == null) {
            return null;
        }
        String origin = RequestHost.origin(request);
        return origin == null ? null : origin + "/v2/token";
    }
}
