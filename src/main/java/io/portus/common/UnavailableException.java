package io.portus.common;

/** Something this request depends on (the database, a registry) cannot be reached now (HTTP 503); retry later. */
public final class UnavailableException extends DomainException {

    public UnavailableException(String message) {
        super(message);
    }
}
