package io.portus.common;

/** The named thing does not exist (or the caller may not know it exists). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }
}
