package io.portus.common;

/** The operation is switched off by configuration (Portus answers 405). */
public final class NotAllowedException extends DomainException {

    public NotAllowedException(String message) {
        super(message);
    }
}
