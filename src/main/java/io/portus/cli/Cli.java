package io.portus.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;

/** Entry of the operator CLI, called by {@code io.portus.Application#main} when the first argument is a verb. */
public final class Cli {

    private Cli() {
    }

    /**
     * Whether {@code args} ask for the CLI: the first argument is a word, not a Spring Boot {@code --option}, or
     * is {@code --help}/{@code -h}/{@code --version}/{@code -V} (which the server does not take).
     */
    public static boolean isVerb(String[] args) {
        if (args.length == 0 || args[0].isEmpty()) {
            return false;
        }
        return !args[0].startsWith("-") || java.util.Set.of("--help", "-h", "--version", "-V").contains(args[0]);
    }

    private static PrintStream out = System.out;

    /**
     * Runs the verb and returns the process's exit code ({@link ExitCodes}). What the verb prints for scripts goes
     * to the process's stdout ({@link #out()}); {@code System.out} is pointed at stderr meanwhile, so that log lines
     * (Spring Boot's console logging writes to {@code System.out}) never mix into {@code --format json}.
     */
    public static int run(String... args) {
        return run(System.out, args);
    }

    static synchronized int run(PrintStream stdout, String... args) {
        PrintStream previous = System.out;
        out = stdout;
        System.setOut(System.err);
        try {
            CommandLine line = commandLine();
            line.setOut(new PrintWriter(stdout, true));
            return line.execute(args);
        } finally {
            stdout.flush();
            System.setOut(previous);
            out = previous;
        }
    }

    /** Where a verb prints its result (stdout of the process). */
    static PrintStream out() {
        return out;
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new PortusCommand());
        for (Object verb : Verbs.all()) {
            line.addSubcommand(verb);
        }
        return line.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
                ? ExitCodes.USAGE : ExitCodes.FAILED)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Cli::failed);
    }

    /** A verb's failure: one line on stderr ("portus get: …"), its exit code; a usage error also shows the usage. */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        String verb = command.getCommandSpec().qualifiedName(" ");
        if (e instanceof CliFailure failure) {
            command.getErr().println(verb + ": " + failure.getMessage());
            if (failure.exitCode() == ExitCodes.USAGE) {
                command.getErr().println("Run '" + verb + " --help' for the usage.");
            }
            return failure.exitCode();
        }
        command.getErr().println(verb + ": " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
        return ExitCodes.FAILED;
    }
}
