package io.portus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code create RESOURCE key=value…}, as portusctl: the fields Portus's API takes, checked for the required
 * ones before anything is sent. Application tokens and team members belong to a user or team, named by a field
 * ({@code user_id=…}, {@code team_id=…}).
 */
@Command(name = "create", mixinStandardHelpOptions = true, description = {
        "Create a user, team, namespace, registry, application_token or member.",
        "  user username=… email=… password=… [display_name=…] [bot=true]",
        "  team name=… [description=…] [owner_id=…]",
        "  namespace name=… team=… [description=…] [registry_id=…]",
        "  registry name=… hostname=… [use_ssl=true] [external_hostname=…] [force=true]",
        "  application_token user_id=… application=… [expires_in_days=…] [scopes=…]",
        "  member team_id=… user=USERNAME role=viewer|contributor|owner"})
final class CreateVerb implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Mixin
    ResourceArgs.Fields args;

    @Override
    public Integer call() {
        Resource kind = Resource.named(args.resource);
        Map<String, String> values = KeyValues.parse(args.fields);
        String path = switch (kind) {
            case USERS -> required(values, Paths.v1("users"), "username", "email", "password");
            case TEAMS -> required(values, Paths.v1("teams"), "name");
            case NAMESPACES -> required(values, Paths.v1("namespaces"), "name", "team");
            case REGISTRIES -> required(values, Paths.v1("registries"), "name", "hostname");
            case APPLICATION_TOKENS -> Paths.v1("users", parent(values, "user_id", "id"), "application_tokens");
            case MEMBERS -> Paths.v1("teams", parent(values, "team_id", "team"), "members");
            default -> throw CliFailure.usage(kind.path() + " cannot be created here");
        };
        if (kind == Resource.APPLICATION_TOKENS) {
            KeyValues.require(values, "application");
        } else if (kind == Resource.MEMBERS) {
            KeyValues.require(values, "user", "role");
        }
        var reply = server.client().send("POST", path, Map.of(), KeyValues.body(values, kind.createWrap()));
        Printer printer = new Printer(server.format, Cli.out());
        printer.note("Created " + kind.singular() + ".");
        printer.print(reply.body(), kind.columns());
        return ExitCodes.OK;
    }

    private static String required(Map<String, String> values, String path, String... keys) {
        KeyValues.require(values, keys);
        return path;
    }

    /** Takes the owner's id out of the fields ({@code user_id=3}, or portusctl's {@code id=3}). */
    private static String parent(Map<String, String> values, String key, String alias) {
        String id = values.remove(key);
        if (id == null) {
            id = values.remove(alias);
        }
        if (id == null) {
            throw CliFailure.usage(key + "=… is required");
        }
        return id;
    }
}
