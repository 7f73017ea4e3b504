package io.portus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code version}: this CLI's version and, when a server is set, the server's {@code GET /api/version}
 * (Portus's shape: {@code version}, {@code git}, {@code api-versions}); a server without that path is reported
 * on stderr ({@code "server": null} in json), not as a failure.
 */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Show the version of this CLI and, with a server set, of the server and its API.")
final class VersionVerb implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() {
        ObjectNode versions = ApiClient.JSON.createObjectNode();
        versions.put("client", CliVersion.current());
        if (server.server != null && !server.server.isBlank()) {
            ApiClient client = server.user == null || server.user.isBlank() || server.token == null
                    ? server.anonymousClient() : server.client();
            var reply = client.exchange("GET", "/api/version", Map.of(), null);
            if (reply.status() == 404) {
                versions.putNull("server");
                System.err.println("the server has no /api/version (Portus before 2.3 or an older Portus for the JVM)");
            } else if (reply.status() >= 400) {
                throw new CliFailure(ApiClient.exitCode(reply.status()), "GET /api/version: " + reply.status() + " "
                        + Messages.of(reply.body(), null));
            } else {
                versions.set("server", reply.body());
            }
        }
        Printer printer = new Printer(server.format, Cli.out());
        if (printer.format() == Format.table) {
            Cli.out().println("Client version: " + CliVersion.current());
            if (versions.hasNonNull("server")) {
                var body = versions.get("server");
                String git = body.path("git").asString("");
                Cli.out().println("Server version: " + Printer.cell(body.path("version"))
                        + (git.isEmpty() ? "" : " (" + Printer.cell(body.path("git")) + ")"));
                Cli.out().println("API versions:   " + Printer.cell(body.path("api-versions")));
            }
        } else {
            printer.print(versions, List.of());
        }
        return ExitCodes.OK;
    }
}
