package io.portus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code health}: the server's {@code /api/v1/health} (database, registry, storage), one row per part; exits
 * {@link ExitCodes#UNHEALTHY} when a part is down, so a probe script needs only the exit code.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Show whether the server's database, registry and storage are up (exit 7 when one is not).")
final class HealthVerb implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() {
        var reply = server.anonymousClient().exchange("GET", Paths.v1("health"), Map.of(), null);
        if (reply.status() != 200 && reply.status() != 503) {
            throw new CliFailure(ApiClient.exitCode(reply.status()), "GET /api/v1/health: " + reply.status() + " "
                    + Messages.of(reply.body(), null));
        }
        Printer printer = new Printer(server.format, Cli.out());
        if (printer.format() == Format.table) {
            ArrayNode rows = ApiClient.JSON.createArrayNode();
            for (Map.Entry<String, JsonNode> e : reply.body().properties()) {
                rows.addObject().put("service", e.getKey())
                        .put("success", e.getValue().path("success").asBoolean())
                        .put("message", e.getValue().path("msg").asString(""));
            }
            printer.print(rows, List.of("service", "success", "message"));
        } else {
            printer.print(reply.body(), List.of());
        }
        return reply.status() == 200 ? ExitCodes.OK : ExitCodes.UNHEALTHY;
    }
}
