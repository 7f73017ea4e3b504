package io.portus.common;

import java.util.List;

/**
 * The request conflicts with the current state (HTTP 409); {@code details} names what it conflicts with,
 * under {@code detailsKey} in the API's answer ({@code tags} unless told otherwise).
 */
public final class ConflictException extends DomainException {

    private final String detailsKey;
    private final List<String> details;

    public ConflictException(String message, List<String> details) {
        this(message, "tags", details);
    }

    public ConflictException(String message, String detailsKey, List<String> details) {
        super(message);
        this.detailsKey = detailsKey;
        this.details = List.copyOf(details);
    }

    public String detailsKey() {
        return detailsKey;
    }

    public List<String> details() {
        return details;
    }
}
