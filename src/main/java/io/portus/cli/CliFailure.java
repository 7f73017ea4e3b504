package io.portus.cli;

/**
 * A verb's failure as a script sees it: the exit code ({@link ExitCodes}) and one message for people, printed
 * on stderr without a stack trace.
 */
final class CliFailure extends RuntimeException {

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliFailure usage(String message) {
        return new CliFailure(ExitCodes.USAGE, message);
    }
}
