package io.portus.registry.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page of {@code /v2/} requests. When Tomcat itself puts a registry request in error (a request
 * body that ends early or breaks its chunked encoding makes Tomcat send 400, which the registry can no
 * longer overwrite), the container dispatches to the application's error page; this filter, mapped to
 * that ERROR dispatch, answers in the OCI error envelope instead: the error the registry meant to send
 * (kept in {@link #ERROR_ATTRIBUTE}), else the one {@link ContainerRejections} finds for the method and path.
 * Error pages of other paths go on to Spring Boot's as before.
 */
final class RegistryErrorPageFilter implements Filter {

    /** Request attribute holding the {@link RegistryException} the registry answered. */
    static final String ERROR_ATTRIBUTE = RegistryErrorPageFilter.class.getName() + ".error";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response
                && !response.isCommitted()) {
            Optional<RegistryException> error = errorOf(request, response);
            if (error.isPresent()) {
                send(request, response, error.get());
                return;
            }
        }
        chain.doFilter(req, res);
    }

    private static Optional<RegistryException> errorOf(HttpServletRequest request, HttpServletResponse response) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)) {
            return Optional.empty();
        }
        Object method = request.getAttribute(RequestDispatcher.ERROR_METHOD); // error dispatches are GETs
        Optional<RegistryException> classified = ContainerRejections.classify(
                method instanceof String m ? m : request.getMethod(), uri,
                (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION), response.getStatus(),
                Collections.list(request.getHeaders("Content-Length")));
        if (classified.isPresent() && request.getAttribute(ERROR_ATTRIBUTE) instanceof RegistryException answered) {
            return Optional.of(answered);
        }
        return classified;
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, RegistryException e)
            throws IOException {
        byte[] body = Json.bytes(Exchange.envelope(e.code().name(), e.getMessage(), e.detail()));
        response.resetBuffer();
        response.setStatus(e.status());
        response.setHeader(Headers.API_VERSION, Headers.API_VERSION_VALUE);
        e.headers().forEach(response::setHeader);
        response.setContentType(Exchange.JSON_UTF8);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getAttribute(RequestDispatcher.ERROR_METHOD))) {
            response.getOutputStream().write(body);
        }
    }
}
