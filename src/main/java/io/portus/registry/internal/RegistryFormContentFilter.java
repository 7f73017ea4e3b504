package io.portus.registry.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;

/**
 * Spring's form-content filter (parses {@code application/x-www-form-urlencoded} PUT/PATCH/DELETE bodies),
 * except on registry paths: there a body is blob or manifest data whatever its Content-Type, and parsing it
 * would lose it (distribution's {@code FormValue} pitfall).
 */
final class RegistryFormContentFilter extends OrderedFormContentFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/v2") || path.startsWith("/v2/");
    }
}
