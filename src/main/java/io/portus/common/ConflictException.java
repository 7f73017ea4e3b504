package io.portus.common;

import java.util.List;

/** The request conflicts with the current state (HTTP 409); {@code details} names what it conflicts with. */
public final class ConflictException extends DomainException {

    private final List<String> details;

    public ConflictException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
