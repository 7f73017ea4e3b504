package io.portus.web.support;

import jakarta.servlet.http.HttpServletRequest;

/** Small helpers on the current request. */
public final class Requests {

    private Requests() {
    }

    /** Path and query of the request, as a local link. */
    public static String pathAndQuery(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    /** Whether htmx made the request (it wants a fragment, not a page). */
    public static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
