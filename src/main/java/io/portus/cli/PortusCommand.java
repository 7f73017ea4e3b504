package io.portus.cli;

import picocli.CommandLine.Command;

/** The top of the CLI: {@code portus <verb>}; without a verb the jar starts the server instead. */
@Command(name = "portus", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = {"Portus for the JVM: the server (no verb) and operator commands (a verb).",
                "Run `portus <verb> --help` for a verb's options."})
final class PortusCommand {
}
