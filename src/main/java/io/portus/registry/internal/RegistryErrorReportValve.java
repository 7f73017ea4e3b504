package io.portus.registry.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's error report valve: a {@code /v2/} request that Tomcat refused before any filter ran (see
 * {@link ContainerRejections}) is answered in the OCI error envelope with
 * {@code Docker-Distribution-API-Version}; every other error page is Tomcat's, as configured before.
 */
final class RegistryErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(RegistryErrorReportValve.class);

    /**
     * Replaces the host's error report valve (Tomcat's, or the one Spring Boot adds) by this one, keeping its
     * settings, and names this class as the host's error report valve so Tomcat adds no other at start; a
     * valve added after this call (by a customizer that ran later) is replaced when the host starts.
     */
    static void install(Host host) {
        RegistryErrorReportValve valve = new RegistryErrorReportValve();
        valve.replaceOthers(host);
        host.getPipeline().addValve(valve);
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(RegistryErrorReportValve.class.getName());
        }
        host.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                valve.replaceOthers(host);
            }
        });
    }

    private void replaceOthers(Host host) {
        for (Valve existing : host.getPipeline().getValves()) {
            if (existing instanceof ErrorReportValve previous && existing != this) {
                setShowReport(previous.isShowReport());
                setShowServerInfo(previous.isShowServerInfo());
                host.getPipeline().removeValve(existing);
            }
        }
    }

    /**
     * A request that arrives here already in error was refused by the container (connector or adapter):
     * under {@code /v2/} it is answered at once, so it never reaches the application's error page.
     */
    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (response.isError() && !response.isCommitted()) {
            Optional<RegistryException> error = classify(request, response, null);
            if (error.isPresent() && response.setErrorReported()) {
                response.setSuspended(false);
                send(request, response, error.get());
                return;
            }
        }
        super.invoke(request, response);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        Optional<RegistryException> error = classify(request, response, throwable);
        if (error.isEmpty()) {
            super.report(request, response, throwable);
            return;
        }
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        send(request, response, error.get());
    }

    private static Optional<RegistryException> classify(Request request, Response response, Throwable throwable) {
        Throwable cause = throwable != null ? throwable
                : (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        return ContainerRejections.classify(request.getMethod(), request.getCoyoteRequest().requestURI().toString(),
                cause, response.getStatus(), Collections.list(request.getHeaders("Content-Length")));
    }

    private static void send(Request request, Response response, RegistryException e) {
        byte[] body = Json.bytes(Exchange.envelope(e.code().name(), e.getMessage(), e.detail()));
        try {
            response.setStatus(e.status());
            response.setHeader(Headers.API_VERSION, Headers.API_VERSION_VALUE);
            e.headers().forEach(response::setHeader);
            response.setContentType(Exchange.JSON_UTF8);
            Writer writer = response.getReporter(); // null when something was written: then no body of ours
            if (writer != null) {
                response.setContentLength(body.length);
                if (!"HEAD".equals(request.getMethod())) {
                    writer.write(new String(body, StandardCharsets.UTF_8));
                }
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException ex) {
            log.debug("could not send the error envelope of a refused request: {}", ex.toString());
        }
    }
}
