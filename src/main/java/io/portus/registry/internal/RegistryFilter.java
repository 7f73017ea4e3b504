package io.portus.registry.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The registry's entry point, mapped to {@code /v2/*}: a path that {@link V2Router} recognises is handled
 * here (and gets {@code Docker-Distribution-API-Version} whatever the outcome); any other path (the token
 * endpoint, the webhook receiver) goes down the chain to Spring MVC.
 */
final class RegistryFilter implements Filter {

    private final Supplier<RegistryDispatcher> dispatcher;

    /** @param dispatcher resolved on first request, so the filter does not initialise the registry early */
    RegistryFilter(Supplier<RegistryDispatcher> dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        Optional<Route> route = V2Router.parse(request.getRequestURI().substring(request.getContextPath().length()));
        if (route.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        response.setHeader(Headers.API_VERSION, Headers.API_VERSION_VALUE);
        dispatcher.get().dispatch(route.get(), request, response);
    }
}
