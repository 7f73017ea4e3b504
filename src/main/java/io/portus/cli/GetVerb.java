package io.portus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code get RESOURCE [ID [SUBRESOURCE [ID]]]}, as portusctl: {@code get users}, {@code get users 2},
 * {@code get namespaces 3 repositories}, {@code get repositories 5 tags}. Lists come whole ({@code all=true})
 * unless {@code --page} asks for one page.
 */
@Command(name = "get", mixinStandardHelpOptions = true, description = {
        "Show users, teams, namespaces, registries, repositories, tags, application_tokens or members.",
        "Examples: get users | get users 2 | get namespaces 3 repositories | get teams 1 members"})
final class GetVerb implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Parameters(index = "0", paramLabel = "RESOURCE", description = "users, teams, namespaces, registries, repositories, tags…")
    String resource;

    @Parameters(index = "1..*", paramLabel = "ID", description = "An id, then maybe a sub-resource and its id")
    List<String> path = new ArrayList<>();

    @Option(names = "--page", description = "Only this page of a list (1 = the first)")
    Long page;

    @Option(names = "--per-page", description = "Items per page with --page (the server's default otherwise)")
    Long perPage;

    @Override
    public Integer call() {
        Resource top = Resource.named(resource);
        ApiClient client = server.client();
        boolean single = path.size() % 2 == 1;
        Map<String, String> query = new LinkedHashMap<>();
        if (!single) {
            if (page == null) {
                query.put("all", "true");
            } else {
                query.put("page", page.toString());
                if (perPage != null) {
                    query.put("per_page", perPage.toString());
                }
            }
        }
        var reply = client.get(Paths.v1(top.path(), path), query);
        Resource shown = top;
        for (String word : path) {
            shown = Resource.find(word).orElse(shown);
        }
        new Printer(server.format, Cli.out()).print(reply.body(), shown.columns());
        return ExitCodes.OK;
    }
}
