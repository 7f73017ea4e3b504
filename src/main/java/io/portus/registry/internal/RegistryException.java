package io.portus.registry.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A protocol error answered as {@code {"errors":[{"code","message","detail"}]}} with the code's status
 * (or an explicit one, e.g. 413) and optional extra headers (e.g. {@code Range} on a 416).
 */
final class RegistryException extends RuntimeException {

    private final ErrorCode code;
    private final transient Object detail;
    private final int status;
    private final Map<String, String> headers;

    private RegistryException(ErrorCode code, String message, Object detail, int status, Map<String, String> headers) {
        super(message == null ? code.message() : message, null, false, false);
        this.code = code;
        this.detail = detail;
        this.status = status;
        this.headers = headers;
    }

    RegistryException(ErrorCode code, String message) {
        this(code, message, null, code.status(), Map.of());
    }

    RegistryException(ErrorCode code, String message, Object detail) {
        this(code, message, detail, code.status(), Map.of());
    }

    /** The same error with another HTTP status. */
    RegistryException withStatus(int newStatus) {
        return new RegistryException(code, getMessage(), detail, newStatus, headers);
    }

    /** The same error with one more response header. */
    RegistryException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RegistryException(code, getMessage(), detail, status, Map.copyOf(more));
    }

    ErrorCode code() {
        return code;
    }

    Object detail() {
        return detail;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }
}
