package io.portus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bootstrap username=… email=… password=…}: creates the first administrator of a new installation and
 * prints its application token (only the server's first user can be made this way; no credentials needed).
 */
@Command(name = "bootstrap", mixinStandardHelpOptions = true, description = {
        "Create the first administrator of a fresh server and print an application token for it.",
        "  bootstrap username=… email=… password=… [display_name=…]"})
final class BootstrapVerb implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "KEY=VALUE")
    List<String> fields = new ArrayList<>();

    @Override
    public Integer call() {
        Map<String, String> values = KeyValues.parse(fields);
        KeyValues.require(values, "username", "email", "password");
        var reply = server.anonymousClient().send("POST", Paths.v1("users", "bootstrap"), Map.of(),
                KeyValues.body(values, "user"));
        Printer printer = new Printer(server.format, Cli.out());
        if (printer.format() == Format.table) {
            Cli.out().println("You can now use the user '" + Printer.cell(ApiClient.JSON.getNodeFactory()
                    .stringNode(values.get("username"))) + "' with the following token: "
                    + Printer.cell(reply.body().path("plain_token")));
        } else {
            printer.print(reply.body(), List.of());
        }
        return ExitCodes.OK;
    }
}
