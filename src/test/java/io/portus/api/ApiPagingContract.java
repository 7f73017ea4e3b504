package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API lists paged and sorted in the database, over real HTTP on each database; the activities CSV streamed. */
abstract class ApiPagingContract extends DatabaseTest {

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;
    @Autowired JdbcClient jdbc;

    ApiClient admin;
    ApiClient alice;
    String suffix;

    @BeforeEach
    void setUp() {
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        ApiClient anonymous = new ApiClient(port, null);
        admin = client(anonymous, users.changeAdmin(newUser("admin"), true));
        alice = client(anonymous, newUser("alice"));
        suffix = unique("-");
    }

    User newUser(String prefix) {
        String name = unique(prefix);
        return users.create(NewUser.regular(name, name + "@example.com", "password-of-" + name));
    }

    ApiClient client(ApiClient anonymous, User user) {
        return anonymous.as(user.username(), tokens.createFor(user, unique("api")).plainToken());
    }

    List<String> names(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().findValuesAsString("name");
    }

    /** The top-level items' ids (not those of nested objects). */
    static List<Long> ids(ApiClient.Response r) {
        List<Long> ids = new java.util.ArrayList<>();
        r.json().forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    void team(String name, String description) {
        var r = alice.post("/api/v1/teams", "{\"name\":\"" + name + "\""
                + (description == null ? "" : ",\"description\":\"" + description + "\"") + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        if (description == null) {
            jdbc.sql("UPDATE teams SET description = NULL WHERE name = ?").param(name).update();
        }
    }

    @Test
    void teamsArePagedAndSortedInTheDatabaseTheSameEverywhere() {
        team("delta" + suffix, "b");
        team("Bravo" + suffix, null);
        team("alpha" + suffix, "A");
        team("Charlie" + suffix, "a");
        List<String> byId = List.of("delta" + suffix, "Bravo" + suffix, "alpha" + suffix, "Charlie" + suffix);
        assertThat(names(alice.get("/api/v1/teams?all=true"))).containsExactlyElementsOf(byId);
        assertThat(names(alice.get("/api/v1/teams?all=true&sort_attr=name")))
                .as("case-insensitive, the same on every database")
                .containsExactly("alpha" + suffix, "Bravo" + suffix, "Charlie" + suffix, "delta" + suffix);
        assertThat(names(alice.get("/api/v1/teams?all=true&sort_attr=name&sort_order=DESC")))
                .containsExactly("delta" + suffix, "Charlie" + suffix, "Bravo" + suffix, "alpha" + suffix);
        assertThat(names(alice.get("/api/v1/teams?all=true&sort_attr=description")))
                .as("a before A by their exact text, NULL last").containsExactly("alpha" + suffix, "Charlie" + suffix,
                        "delta" + suffix, "Bravo" + suffix);
        assertThat(names(alice.get("/api/v1/teams?all=true&sort_attr=description&sort_order=desc")))
                .as("NULL last in both directions").containsExactly("delta" + suffix, "Charlie" + suffix,
                        "alpha" + suffix, "Bravo" + suffix);
        assertThat(names(alice.get("/api/v1/teams?all=true&sort_attr=created_at"))).containsExactlyElementsOf(byId);

        var page = alice.get("/api/v1/teams?sort_attr=name&per_page=3&page=2");
        assertThat(names(page)).containsExactly("delta" + suffix);
        assertThat(page.header("X-Total")).isEqualTo("4");
        assertThat(page.header("X-Total-Pages")).isEqualTo("2");
        assertThat(page.header("X-Page")).isEqualTo("2");
        assertThat(page.header("X-Per-Page")).isEqualTo("3");
        assertThat(page.header("X-Prev-Page")).isEqualTo("1");
        assertThat(page.header("X-Next-Page")).isEmpty();
        var first = alice.get("/api/v1/teams?sort_attr=name&per_page=3");
        assertThat(names(first)).containsExactly("alpha" + suffix, "Bravo" + suffix, "Charlie" + suffix);
        assertThat(first.header("X-Total")).as("counted when the page is full").isEqualTo("4");
        assertThat(first.header("X-Next-Page")).isEqualTo("2");
        var beyond = alice.get("/api/v1/teams?per_page=3&page=5");
        assertThat(names(beyond)).isEmpty();
        assertThat(beyond.header("X-Total")).isEqualTo("4");
    }

    @Test
    void unknownSortAttributesAndOrdersAreRefusedWithAMessage() {
        for (String path : List.of("/api/v1/teams?sort_attr=password", "/api/v1/users?sort_attr=encrypted_password",
                "/api/v1/namespaces?sort_attr=id;DROP%20TABLE%20users", "/api/v1/repositories?sort_attr=star_count",
                "/api/v1/activities?sort_attr=name", "/api/v1/tags?sort_attr=digest", "/api/v1/stars?sort_attr=x")) {
            var r = admin.get(path);
            assertThat(r.status()).as(path + ": " + r).isEqualTo(400);
            assertThat(r.body()).as(path).contains("sort_attr").contains("must be one of id");
        }
        var r = admin.get("/api/v1/users?sort_attr=username&sort_order=sideways");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("sort_order").contains("must be asc or desc");
    }

    @Test
    void everyListSortsByItsWhitelistedAttributes() {
        for (String list : List.of("users", "teams", "namespaces", "repositories", "tags", "stars", "activities")) {
            for (String attribute : List.of("id", "created_at")) {
                for (String order : List.of("asc", "desc")) {
                    var r = admin.get("/api/v1/" + list + "?sort_attr=" + attribute + "&sort_order=" + order + "&per_page=5");
                    assertThat(r.status()).as(list + " " + attribute + " " + order + ": " + r).isEqualTo(200);
                    List<Long> ids = ids(r);
                    if (attribute.equals("id")) {
                        assertThat(ids).as(list).isSortedAccordingTo(order.equals("asc")
                                ? Comparator.<Long>naturalOrder() : Comparator.<Long>reverseOrder());
                    }
                }
            }
        }
        List<String> usernames = admin.get("/api/v1/users?all=true&sort_attr=username&sort_order=desc")
                .json().findValuesAsString("username");
        assertThat(usernames).isSortedAccordingTo(Comparator.comparing((String u) -> u.toLowerCase(Locale.ROOT))
                .thenComparing(Comparator.naturalOrder()).reversed());
        assertThat(admin.get("/api/v1/users?per_page=1").header("X-Total"))
                .isEqualTo(Long.toString(users.count()));
    }

    @Test
    void activitiesAreNewestFirstUnlessAskedAndTheCsvStreamsThemEscaped() {
        team("=HYPERLINK(\\\"x\\\")" + suffix, "d");
        team("+1" + suffix, "d");
        team("@me" + suffix, "d");
        team("-2" + suffix, "d");
        List<Long> newest = ids(alice.get("/api/v1/activities?all=true"));
        assertThat(newest).hasSizeGreaterThanOrEqualTo(4).isSortedAccordingTo(Comparator.reverseOrder());
        List<Long> oldest = ids(alice.get("/api/v1/activities?all=true&sort_order=asc"));
        assertThat(oldest).isSortedAccordingTo(Comparator.naturalOrder()).containsExactlyInAnyOrderElementsOf(newest);

        var csv = alice.get("/api/v1/activities.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"activities.csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Tracked item,Item,Event,Recipient,Triggered by,Time,Notes");
        assertThat(lines).hasSize(newest.size() + 1);
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"x\"\")" + suffix + "\"", "\"'+1" + suffix + "\"",
                "\"'@me" + suffix + "\"", "\"'-2" + suffix + "\"");
        assertThat(lines.get(1)).as("newest first").contains("-2" + suffix);
        assertThat(admin.get("/api/v1/activities.csv").body().lines().count())
                .as("admins get everything").isGreaterThanOrEqualTo(lines.size());
    }
}
