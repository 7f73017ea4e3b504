package io.portus.registry.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
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
 * here (and gets {@code Docker-Distribution-API-Version} whatever the outcome); the paths of other modules
 * under {@code /v2/} (the token endpoint, the webhook receiver) go down the chain to Spring MVC; any other
 * {@code /v2/} path is a registry 404 in the error envelope.
 */
final class RegistryFilter implements Filter {

    /** {@code /v2/} paths that belong to other modules (token service, registry event intake). */
    static final Set<String> APPLICATION_PATHS = Set.of("/v2/token", "/v2/webhooks/events");

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
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Route> route = V2Router.parse(path);
        if (route.isEmpty()) {
            if (APPLICATION_PATHS.contains(path)) {
                chain.doFilter(req, res);
                return;
            }
            route = Optional.of(new Route(Route.Kind.NO_ROUTE, null, null));
        }
        response.setHeader(Headers.API_VERSION, Headers.API_VERSION_VALUE);
        dispatcher.get().dispatch(route.get(), request, response);
    }
}
