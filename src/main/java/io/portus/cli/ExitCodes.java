package io.portus.cli;

/** Exit codes a script can rely on (documented in the README's CLI section). */
public final class ExitCodes {

    /** The verb did what was asked. */
    public static final int OK = 0;
    /** Something failed that is not one of the cases below (a message on stderr says what). */
    public static final int FAILED = 1;
    /** The command line was wrong: unknown verb, option or argument (picocli's usage error). */
    public static final int USAGE = 2;
    /** The server refused the credentials (401) or the action (403). */
    public static final int DENIED = 3;
    /** What was asked for does not exist (404). */
    public static final int NOT_FOUND = 4;
    /** The server or the database could not be reached. */
    public static final int UNREACHABLE = 5;
    /** The input was refused as invalid (400/422, a conflict 409). */
    public static final int INVALID = 6;
    /** The server answered, but a part of it is down ({@code health}; {@code info} for this host's database/storage). */
    public static final int UNHEALTHY = 7;

    private ExitCodes() {
    }
}
