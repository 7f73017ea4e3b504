package io.portus.common;

import java.util.regex.Pattern;

/**
 * The id of one HTTP request: taken from a client's (or proxy's) {@value #HEADER} when that is short and made
 * of safe characters, else a new random UUID. It is answered as {@value #HEADER}, kept in the request
 * attribute {@link #ATTRIBUTE} and, while the request is served, in the logging MDC under {@value #MDC_KEY}
 * (distribution's log field name), so every log line of the request carries it ({@code io.portus.ops}).
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "http.request.id";
    public static final String ATTRIBUTE = RequestId.class.getName();
    /** Longest incoming id kept (a UUID is 36, a W3C trace id 32, an AWS ALB trace id about 40). */
    static final int MAX_LENGTH = 128;
    /** Letters, digits and {@code . _ : + = @ / -}: nothing that could break a log line or a header. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:+=@/-]{1," + MAX_LENGTH + "}");

    private RequestId() {
    }

    /** {@code incoming} when it is a usable id, else a new one. */
    public static String acceptOrNew(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : RandomIds.uuid();
    }
}
