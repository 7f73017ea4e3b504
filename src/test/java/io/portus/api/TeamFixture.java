package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;

import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.catalog.Poll;
import io.portus.namespace.RegistryService;

/**
 * A team made through the API: an owner, a contributor and a viewer, a stranger outside it, and one namespace
 * of the team in the built-in registry.
 */
final class TeamFixture {

    final User owner;
    final ApiClient asOwner;
    final ApiClient asContributor;
    final ApiClient asViewer;
    final ApiClient asStranger;
    final long teamId;
    final String team;
    final long namespaceId;
    final String namespace;

    TeamFixture(UserService users, ApplicationTokenService tokens, int port, long registryId, UnaryOperator<String> unique) {
        ApiClient anonymous = new ApiClient(port, null);
        owner = user(users, unique.apply("owner"));
        asOwner = client(anonymous, tokens, owner, unique);
        User contributor = user(users, unique.apply("contrib"));
        User viewer = user(users, unique.apply("viewer"));
        asContributor = client(anonymous, tokens, contributor, unique);
        asViewer = client(anonymous, tokens, viewer, unique);
        asStranger = client(anonymous, tokens, user(users, unique.apply("stranger")), unique);
        var created = asOwner.post("/api/v1/teams", "{\"name\":\"" + unique.apply("team") + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        teamId = created.json().get("id").asLong();
        team = created.json().get("name").asString();
        member(contributor, "contributor");
        member(viewer, "viewer");
        namespaceId = namespace(unique.apply("ns"), registryId);
        namespace = asOwner.get("/api/v1/namespaces/" + namespaceId).json().get("name").asString();
    }

    /** The id of the built-in registry once it knows its real port. */
    static long builtinRegistry(RegistryService registries) {
        return Poll.until("built-in registry",
                () -> registries.builtin().filter(r -> !r.hostname().endsWith(":0"))).id();
    }

    /** A new admin with an application token, as an API client. */
    static ApiClient admin(UserService users, ApplicationTokenService tokens, int port, String name) {
        User admin = users.changeAdmin(user(users, name), true);
        return new ApiClient(port, null).as(admin.username(), tokens.createFor(admin, "api").plainToken());
    }

    /** A new namespace of the team. */
    long namespace(String name, long registryId) {
        var ns = asOwner.post("/api/v1/namespaces", "{\"name\":\"" + name + "\",\"team\":\"" + team
                + "\",\"registry_id\":" + registryId + "}");
        assertThat(ns.status()).as(ns.toString()).isEqualTo(201);
        return ns.json().get("id").asLong();
    }

    private void member(User user, String role) {
        var added = asOwner.post("/api/v1/teams/" + teamId + "/members",
                "{\"user\":\"" + user.username() + "\",\"role\":\"" + role + "\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    private static User user(UserService users, String name) {
        return users.create(NewUser.regular(name, name + "@example.com", "password-of-" + name));
    }

    private static ApiClient client(ApiClient anonymous, ApplicationTokenService tokens, User user,
                                    UnaryOperator<String> unique) {
        return anonymous.as(user.username(), tokens.createFor(user, unique.apply("api")).plainToken());
    }
}
