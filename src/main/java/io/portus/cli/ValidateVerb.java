package io.portus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code validate namespace name=…} / {@code validate registry name=… hostname=… [use_ssl=…] [only=…]}: asks
 * the server's {@code …/validate} whether the values would be accepted; exits {@link ExitCodes#INVALID} when
 * not, with the server's messages.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = {
        "Check values before creating something (exit 6 when they would be refused).",
        "  namespace name=…",
        "  registry name=… hostname=… [external_hostname=…] [use_ssl=true|false] [only=name,hostname]"})
final class ValidateVerb implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Mixin
    ResourceArgs.Fields args;

    @Override
    public Integer call() {
        Resource kind = Resource.named(args.resource);
        Map<String, String> values = KeyValues.parse(args.fields);
        switch (kind) {
            case NAMESPACES -> KeyValues.require(values, "name");
            case REGISTRIES -> {
                if (!values.containsKey("only")) {
                    KeyValues.require(values, "name", "hostname");
                }
            }
            default -> throw CliFailure.usage("only namespaces and registries can be validated");
        }
        var body = server.client().get(Paths.v1(kind.path(), "validate"), values).body();
        boolean valid = body.path("valid").asBoolean(false);
        Printer printer = new Printer(server.format, Cli.out());
        if (printer.format() == Format.table) {
            Cli.out().println(valid ? "Valid." : "Invalid: " + Printer.cell(ApiClient.JSON.getNodeFactory()
                    .stringNode(Messages.of(body.path("messages").isObject()
                            ? ApiClient.JSON.createObjectNode().set("errors", body.path("messages")) : body, "invalid"))));
        } else {
            printer.print(body, List.of());
        }
        return valid ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
