package io.portus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code delete RESOURCE ID [key=value…]}: the fields go to the query ({@code delete team 3 new_team=qa} moves
 * the team's namespaces). Prints a line for people in the table format, nothing in json/yaml: the exit code
 * says it was done.
 */
@Command(name = "delete", mixinStandardHelpOptions = true, description = {
        "Delete a user, team, namespace, repository, tag, application_token or member.",
        "  user ID | team ID [new_team=NAME] | namespace ID | repository ID | tag ID | application_token ID",
        "  member TEAM_ID MEMBER_ID"})
final class DeleteVerb implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Mixin
    ResourceArgs.IdFields args;

    @Override
    public Integer call() {
        Resource kind = Resource.named(args.resource);
        List<String> rest = new ArrayList<>(args.fields);
        String path = switch (kind) {
            case APPLICATION_TOKENS -> Paths.v1("users", "application_tokens", args.id);
            case MEMBERS -> Paths.member(args.id, rest, "delete member TEAM_ID MEMBER_ID");
            case REGISTRIES -> throw CliFailure.usage("registries cannot be deleted through the API");
            default -> Paths.v1(kind.path(), args.id);
        };
        Map<String, String> query = KeyValues.parse(rest);
        var reply = server.client().send("DELETE", path, query, null);
        Printer printer = new Printer(server.format, Cli.out());
        if (!reply.body().isNull()) {
            printer.print(reply.body(), List.of());
        }
        printer.note("Deleted " + kind.singular() + " " + args.id + ".");
        return ExitCodes.OK;
    }
}
