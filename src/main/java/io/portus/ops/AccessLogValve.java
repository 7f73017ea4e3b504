package io.portus.ops;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;

import io.portus.common.RequestId;
import jakarta.servlet.ServletException;
import org.apache.catalina.AccessLog;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The access log: one {@link CombinedLogFormat} line per finished request, written to the logger
 * {@value #LOGGER} at INFO, so it goes wherever the application's log goes (JSON in structured mode) and
 * carries the request's id. Tomcat calls {@link #log} once the response is complete, also for requests it
 * refused before the application saw them; the byte count is what went to the client (sendfile included).
 */
final class AccessLogValve extends ValveBase implements AccessLog {

    static final String LOGGER = "io.portus.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final CombinedLogFormat format = new CombinedLogFormat(ZoneId.systemDefault());
    private boolean requestAttributesEnabled;

    AccessLogValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
    }

    @Override
    public void log(Request request, Response response, long time) {
        if (!log.isInfoEnabled()) {
            return;
        }
        Instant start = request.getCoyoteRequest().getStartInstant();
        String line = format.format(new CombinedLogFormat.Entry(remoteAddr(request), request.getRemoteUser(),
                start != null ? start : Instant.now(), request.getMethod(), target(request), request.getProtocol(),
                response.getStatus(), response.getBytesWritten(false), request.getHeader("Referer"),
                request.getHeader("User-Agent")));
        String outer = MDC.get(RequestId.MDC_KEY);
        if (request.getAttribute(RequestId.ATTRIBUTE) instanceof String id) {
            MDC.put(RequestId.MDC_KEY, id);
        }
        try {
            log.info(line);
        } finally {
            RequestIdValve.restore(outer);
        }
    }

    /** The client's address; behind a proxy, the one Tomcat's RemoteIpValve found ({@code server.forward-headers-strategy}). */
    private static String remoteAddr(Request request) {
        return request.getAttribute(REMOTE_ADDR_ATTRIBUTE) instanceof String forwarded ? forwarded : request.getRemoteAddr();
    }

    /** The raw request target as the client sent it (path and query, not decoded). */
    private static String target(Request request) {
        String uri = request.getCoyoteRequest().requestURI().toString();
        String query = request.getCoyoteRequest().queryString().toString();
        return query == null || query.isEmpty() ? String.valueOf(uri) : uri + "?" + query;
    }

    @Override
    public void setRequestAttributesEnabled(boolean enabled) {
        this.requestAttributesEnabled = enabled;
    }

    @Override
    public boolean getRequestAttributesEnabled() {
        return requestAttributesEnabled;
    }
}
