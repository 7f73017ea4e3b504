package io.portus.importer;

/** The database given to import from is not a Portus 2.x database (its tables are missing). */
public final class NotPortusDatabaseException extends RuntimeException {

    public NotPortusDatabaseException(String message) {
        super(message);
    }
}
