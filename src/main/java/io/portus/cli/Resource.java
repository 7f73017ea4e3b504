package io.portus.cli;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The kinds of things the server verbs name, with portusctl's synonyms ({@code u}, {@code user}, {@code users}),
 * the path under {@code /api/v1}, how create and update wrap their fields (Portus takes {@code user[…]},
 * {@code team[…]} on update…; {@code null} = flat) and the columns of the table format.
 */
enum Resource {
    USERS("users", "user", "user", List.of("u", "user"),
            List.of("id", "username", "email", "admin", "enabled", "namespace_id", "display_name", "bot")),
    TEAMS("teams", null, "team", List.of("t", "team"),
            List.of("id", "name", "hidden", "description")),
    NAMESPACES("namespaces", null, "namespace", List.of("n", "namespace"),
            List.of("id", "name", "visibility", "global", "team.name", "registry.name", "description")),
    REGISTRIES("registries", "registry", "registry", List.of("re", "registry"),
            List.of("id", "name", "hostname", "external_hostname", "use_ssl", "builtin")),
    REPOSITORIES("repositories", "repository", "repository", List.of("r", "repository"),
            List.of("id", "name", "full_name", "namespace.name", "stars", "description")),
    TAGS("tags", null, null, List.of("tag"),
            List.of("id", "name", "repository", "digest", "size", "author.name", "updated_at")),
    APPLICATION_TOKENS("application_tokens", null, null, List.of("at", "application_token"),
            List.of("id", "application", "plain_token", "created_at", "expires_at")),
    MEMBERS("members", null, null, List.of("member"),
            List.of("id", "team_id", "user_id", "username", "role"));

    private final String path;
    private final String createWrap;
    private final String updateWrap;
    private final List<String> synonyms;
    private final List<String> columns;

    Resource(String path, String createWrap, String updateWrap, List<String> synonyms, List<String> columns) {
        this.path = path;
        this.createWrap = createWrap;
        this.updateWrap = updateWrap;
        this.synonyms = synonyms;
        this.columns = columns;
    }

    String path() {
        return path;
    }

    String createWrap() {
        return createWrap;
    }

    String updateWrap() {
        return updateWrap;
    }

    List<String> columns() {
        return columns;
    }

    /** The singular for messages: "user", "team"… */
    String singular() {
        return synonyms.getLast().replace('_', ' ');
    }

    static Resource named(String word) {
        return find(word).orElseThrow(() -> CliFailure.usage("unknown resource '" + word + "'; one of "
                + Arrays.stream(values()).map(Resource::path).collect(Collectors.joining(", "))));
    }

    static java.util.Optional<Resource> find(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(r -> r.path.equals(w) || r.synonyms.contains(w)).findFirst();
    }
}
