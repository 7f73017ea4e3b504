package io.portus.common;

/** The request cannot be served in the current state (Portus answers 400, e.g. bootstrap when users exist). */
public final class BadRequestException extends DomainException {

    public BadRequestException(String message) {
        super(message);
    }
}
