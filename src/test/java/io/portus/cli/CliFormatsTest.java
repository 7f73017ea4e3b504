package io.portus.cli;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Argument parsing and output formats of the server verbs, without a server. */
class CliFormatsTest {

    private static JsonNode json(String text) {
        return ApiClient.JSON.readTree(text);
    }

    @Test
    void keyValuesAreParsedInOrderAndWrappedWhereTheApiWantsIt() {
        Map<String, String> values = KeyValues.parse(List.of("username=bob", "email=b@x.io", "password=a=b"));
        assertThat(values).containsExactly(Map.entry("username", "bob"), Map.entry("email", "b@x.io"),
                Map.entry("password", "a=b"));
        assertThat(KeyValues.body(values, "user").toString()).isEqualTo(
                "{\"user\":{\"username\":\"bob\",\"email\":\"b@x.io\",\"password\":\"a=b\"}}");
        assertThat(KeyValues.body(Map.of("name", "qa"), null).toString()).isEqualTo("{\"name\":\"qa\"}");
    }

    @Test
    void badKeyValuesAreUsageErrors() {
        for (List<String> bad : List.of(List.of("name"), List.of("=x"), List.of("a b=c"), List.of("a=1", "a=2"))) {
            assertThatThrownBy(() -> KeyValues.parse(bad)).isInstanceOfSatisfying(CliFailure.class,
                    f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.USAGE));
        }
        assertThatThrownBy(() -> KeyValues.require(Map.of("name", "x"), "name", "team"))
                .hasMessage("team=… is required");
    }

    @Test
    void resourcesHavePortusctlsSynonyms() {
        assertThat(Resource.named("u")).isEqualTo(Resource.USERS);
        assertThat(Resource.named("user")).isEqualTo(Resource.USERS);
        assertThat(Resource.named("Namespaces")).isEqualTo(Resource.NAMESPACES);
        assertThat(Resource.named("application-token")).isEqualTo(Resource.APPLICATION_TOKENS);
        assertThatThrownBy(() -> Resource.named("nothing")).hasMessageContaining("one of users, teams");
    }

    @Test
    void tableShowsTheResourceColumnsThatArePresentAndEscapesControlCharacters() {
        String table = Printer.table(json("""
                [{"id": 1, "username": "admin", "email": "a@x.io", "admin": true, "extra": 1},
                 {"id": 22, "username": "evil\\u001b[31m", "email": null, "admin": false}]"""),
                Resource.USERS.columns());
        assertThat(table).isEqualTo("""
                ID   USERNAME         EMAIL    ADMIN
                1    admin            a@x.io   true
                22   evil\\u001b[31m            false
                """);
        assertThat(Printer.table(json("[]"), List.of())).isEqualTo("(none)\n");
        assertThat(Printer.table(json("{\"id\": 3, \"team\": {\"name\": \"qa\"}}"), List.of("id", "team.name")))
                .isEqualTo("ID   TEAM_NAME\n3    qa\n");
    }

    @Test
    void yamlQuotesEveryStringSoNothingIsMisread() {
        assertThat(Yaml.of(json("""
                {"name": "yes", "n": 1, "ok": true, "none": null, "list": ["a: b", "line\\nbreak"], "empty": [],
                 "team": {"id": 2}, "api-versions": ["v1"], "true": 1}"""))).isEqualTo("""
                name: "yes"
                "n": 1
                ok: true
                none: null
                list:
                  - "a: b"
                  - "line\\nbreak"
                empty: []
                team:
                  id: 2
                api-versions:
                  - "v1"
                "true": 1
                """);
    }

    @Test
    void errorBodiesInPortusShapesBecomeOneLine() {
        assertThat(Messages.of(json("{\"error\": \"Not found\"}"), null)).isEqualTo("Not found");
        assertThat(Messages.of(json("{\"errors\": {\"username\": [\"is missing\"], \"email\": [\"is invalid\", \"is taken\"]}}"), null))
                .isEqualTo("username is missing; email is invalid; email is taken");
        assertThat(Messages.of(json("null"), "<html>Bad Gateway</html>")).isEqualTo("<html>Bad Gateway</html>");
    }

    @Test
    void statusesMapToExitCodes() {
        assertThat(ApiClient.exitCode(401)).isEqualTo(ExitCodes.DENIED);
        assertThat(ApiClient.exitCode(403)).isEqualTo(ExitCodes.DENIED);
        assertThat(ApiClient.exitCode(404)).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(ApiClient.exitCode(422)).isEqualTo(ExitCodes.INVALID);
        assertThat(ApiClient.exitCode(409)).isEqualTo(ExitCodes.INVALID);
        assertThat(ApiClient.exitCode(503)).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(ApiClient.exitCode(500)).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void secretsAreMaskedInTheSettingsInfoShows() {
        assertThat(EffectiveSettings.mask("portus.email.smtp.password", "hunter2")).isEqualTo(EffectiveSettings.MASK);
        assertThat(EffectiveSettings.mask("portus.registry.storage.s3.secret-key", "s")).isEqualTo(EffectiveSettings.MASK);
        assertThat(EffectiveSettings.mask("portus.registry.storage.s3.access-key", "s")).isEqualTo(EffectiveSettings.MASK);
        assertThat(EffectiveSettings.mask("portus.oauth.github.client-secret", "s")).isEqualTo(EffectiveSettings.MASK);
        assertThat(EffectiveSettings.mask("portus.secret-key-base", "s")).isEqualTo(EffectiveSettings.MASK);
        assertThat(EffectiveSettings.mask("portus.token.key-path", "/etc/key.pem")).isEqualTo("/etc/key.pem");
        assertThat(EffectiveSettings.mask("portus.smtp.password", "")).isEmpty();
        assertThat(EffectiveSettings.mask("spring.datasource.url", "jdbc:postgresql://db/portus?user=p&password=s3cret"))
                .isEqualTo("jdbc:postgresql://db/portus?user=p&password=" + EffectiveSettings.MASK);
        assertThat(EffectiveSettings.mask("portus.notifications.endpoints", "https://u:pw@hooks.example/x"))
                .isEqualTo("https://u:" + EffectiveSettings.MASK + "@hooks.example/x");
    }

    @Test
    void serverVerbsWithoutServerOrCredentialsAreUsageErrorsOnStderrWithNothingOnStdout() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8), "get", "users", "--server", "",
                "--user", "", "--token", "");
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8), "get", "users", "--format", "xml"))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void everyVerbHasHelp() {
        for (String verb : List.of("get", "create", "update", "delete", "bootstrap", "validate", "health", "version",
                "make-admin", "info", "rotate-key", "gc")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8), verb, "--help")).as(verb).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(verb).contains("Usage: portus " + verb);
        }
    }

    @Test
    void helpGoesToStdout() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8), "get", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: portus get", "PORTUSCTL_API_SERVER");
        assertThat(Cli.isVerb(new String[] {"--help"})).isTrue();
        assertThat(Cli.isVerb(new String[] {"--server.port=1"})).isFalse();
    }
}
