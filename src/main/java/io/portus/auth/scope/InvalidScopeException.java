package io.portus.auth.scope;

/** A scope that cannot be parsed, or names a resource type the token service does not handle. */
public final class InvalidScopeException extends RuntimeException {

    InvalidScopeException(String message) {
        super(message);
    }
}
