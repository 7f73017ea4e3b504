package io.portus.registry.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.portus.registry.AccessController;
import io.portus.registry.AccessController.Access;
import io.portus.registry.AccessController.Challenge;
import io.portus.registry.AccessController.Granted;
import io.portus.storage.RepositoryName;
import io.portus.storage.StorageUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one registry request: the checks of {@link RouteSyntax}, access control, the endpoint's handler, and
 * the mapping of failures to the error envelope (protocol errors as they are; a client that went away
 * quietly; anything else as 500 UNKNOWN, logged, without details). Records the request metrics.
 */
final class RegistryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RegistryDispatcher.class);
    /** What a 503 for unavailable storage asks clients to wait (the driver already retried with backoff). */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final Supplier<AccessController> accessController;
    private final Map<Route.Kind, Handler> handlers;
    private final RegistryMetrics metrics;

    RegistryDispatcher(Supplier<AccessController> accessController, Map<Route.Kind, Handler> handlers,
                       RegistryMetrics metrics) {
        this.accessController = accessController;
        this.handlers = Map.copyOf(handlers);
        this.metrics = metrics;
    }

    void dispatch(Route route, HttpServletRequest request, HttpServletResponse response) {
        long start = System.nanoTime();
        Exchange ex = new Exchange(request, response, route);
        boolean upload = isUpload(route, ex.method);
        if (upload) {
            metrics.uploadStarted();
        }
        try {
            process(ex);
        } catch (RegistryException e) {
            answer(ex, e);
        } catch (IOException | RuntimeException e) {
            fail(ex, e);
        } finally {
            if (upload) {
                metrics.uploadEnded();
            }
            String method = RegistryMetrics.methodTag(ex.method);
            metrics.record(route.operation(method), method, response.getStatus(), System.nanoTime() - start,
                    ex.bytesIn, ex.bytesOut);
        }
    }

    private void process(Exchange ex) throws IOException {
        Route route = ex.route;
        RouteSyntax.check(route, ex.method);
        if (route.name() != null) {
            ex.repo(new RepositoryName(route.name()));
        }
        List<Access> required = RequiredAccess.of(route, ex.method, ex.query);
        AccessController.Decision decision = accessController.get().authorize(ex.header("Authorization"), required);
        switch (decision) {
            case Granted granted -> {
                ex.actor(granted.actor());
                handlers.get(route.kind()).handle(ex);
            }
            case Challenge challenge -> challenge(ex, challenge);
        }
    }

    private static void challenge(Exchange ex, Challenge c) throws IOException {
        if (c.wwwAuthenticate() != null) {
            ex.header("WWW-Authenticate", c.wwwAuthenticate());
        }
        List<Map<String, String>> detail = c.missing() == null ? null : c.missing().stream()
                .map(a -> Map.of("Type", a.type(), "Name", a.name(), "Action", a.action()))
                .toList();
        ex.sendJson(c.forbidden() ? 403 : 401, Exchange.envelope(c.code(), c.message(), detail));
    }

    private static void answer(Exchange ex, RegistryException e) {
        try {
            ex.sendError(e);
        } catch (IOException gone) {
            log.debug("client went away before the error response of {} {}", ex.method, ex.request.getRequestURI());
        }
    }

    private static void fail(Exchange ex, Exception e) {
        if (ex.clientFailed) {
            log.debug("client connection failed during {} {}: {}", ex.method, ex.request.getRequestURI(), e.toString());
            answer(ex, new RegistryException(ErrorCode.SIZE_INVALID, "request body ended early or connection failed"));
            return;
        }
        StorageUnavailableException unavailable = storageUnavailable(e);
        if (unavailable != null) {
            log.warn("registry request {} {} failed: storage unavailable: {}", ex.method, ex.request.getRequestURI(),
                    unavailable.getMessage());
            answer(ex, new RegistryException(ErrorCode.UNAVAILABLE, "storage temporarily unavailable, try again")
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS));
            return;
        }
        log.error("registry request {} {} failed", ex.method, ex.request.getRequestURI(), e);
        answer(ex, new RegistryException(ErrorCode.UNKNOWN, "internal server error"));
    }

    private static StorageUnavailableException storageUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageUnavailableException s) {
                return s;
            }
        }
        return null;
    }

    private static boolean isUpload(Route route, String method) {
        return (route.kind() == Route.Kind.UPLOAD || route.kind() == Route.Kind.UPLOAD_START)
                && !"GET".equals(method) && !"HEAD".equals(method) && !"DELETE".equals(method);
    }
}
