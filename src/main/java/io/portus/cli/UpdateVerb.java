package io.portus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code update RESOURCE ID key=value…}, as portusctl. For users {@code admin=} and {@code enabled=} go to
 * Portus's {@code toggle_admin} / {@code toggle_enabled} (with the value, so a repeat changes nothing); a
 * member's role is updated with {@code update member TEAM_ID MEMBER_ID role=…}.
 */
@Command(name = "update", mixinStandardHelpOptions = true, description = {
        "Update a user, team, namespace, registry, repository or member.",
        "  user ID [username=…] [email=…] [password=…] [display_name=…] [admin=true|false] [enabled=true|false]",
        "  team ID [name=…] [description=…]",
        "  namespace ID [name=…] [description=…] [team=…] [visibility=private|protected|public]",
        "  registry ID [name=…] [hostname=…] [use_ssl=…] [external_hostname=…]",
        "  repository ID description=…",
        "  member TEAM_ID MEMBER_ID role=viewer|contributor|owner"})
final class UpdateVerb implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Mixin
    ResourceArgs.IdFields args;

    @Override
    public Integer call() {
        Resource kind = Resource.named(args.resource);
        List<String> rest = new ArrayList<>(args.fields);
        String path;
        if (kind == Resource.MEMBERS) {
            path = Paths.member(args.id, rest, "update member TEAM_ID MEMBER_ID role=…");
        } else if (kind == Resource.TAGS || kind == Resource.APPLICATION_TOKENS) {
            throw CliFailure.usage(kind.path() + " cannot be updated");
        } else {
            path = Paths.v1(kind.path(), args.id);
        }
        Map<String, String> values = KeyValues.parse(rest);
        if (values.isEmpty()) {
            throw CliFailure.usage("nothing to update: give key=value fields");
        }
        ApiClient client = server.client();
        ApiClient.Reply reply = null;
        if (kind == Resource.USERS) {
            for (String toggle : List.of("admin", "enabled")) {
                String value = values.remove(toggle);
                if (value != null) {
                    reply = client.send("PUT", path + "/toggle_" + toggle, Map.of(), KeyValues.body(Map.of(toggle, value), null));
                }
            }
        }
        if (!values.isEmpty() || reply == null) {
            reply = client.send("PUT", path, Map.of(), KeyValues.body(new LinkedHashMap<>(values), kind.updateWrap()));
        }
        Printer printer = new Printer(server.format, Cli.out());
        printer.note("Updated " + kind.singular() + ".");
        printer.print(reply.body(), kind.columns());
        return ExitCodes.OK;
    }
}
