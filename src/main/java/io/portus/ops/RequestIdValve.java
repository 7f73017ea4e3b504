package io.portus.ops;

import java.io.IOException;

import io.portus.common.RequestId;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.MDC;

/**
 * The first valve of Tomcat's engine: gives every request its {@link RequestId} (registry, token service, API,
 * UI, error pages, and requests Tomcat refuses before any filter runs), answers it as {@code X-Request-Id} and
 * keeps it in the MDC while the request is served on this thread, then takes it out again, so a thread that
 * serves something else next never logs a stale id.
 */
final class RequestIdValve extends ValveBase {

    RequestIdValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String id = RequestId.acceptOrNew(request.getHeader(RequestId.HEADER));
        request.setAttribute(RequestId.ATTRIBUTE, id);
        response.setHeader(RequestId.HEADER, id);
        String outer = MDC.get(RequestId.MDC_KEY);
        MDC.put(RequestId.MDC_KEY, id);
        try {
            getNext().invoke(request, response);
        } finally {
            restore(outer);
        }
    }

    /** Puts {@code outer} (the id that was there before, usually none) back into the MDC. */
    static void restore(String outer) {
        if (outer == null) {
            MDC.remove(RequestId.MDC_KEY);
        } else {
            MDC.put(RequestId.MDC_KEY, outer);
        }
    }
}
