package io.portus.auth.token;

import io.portus.auth.Principal;
import io.portus.auth.RegistryLookup;
import io.portus.auth.authn.CredentialsAuthenticator;
import io.portus.auth.authn.RefreshTokenStore;
import io.portus.auth.policy.AccessPolicy;
import io.portus.auth.scope.Scope;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small in-memory stand-in for the access model's side of the contracts, so the token endpoint's own
 * rules can be tested over HTTP on their own (the real database-backed model is exercised end to end by
 * ClassicDeploymentIT): alice and bob own their personal namespaces, "public" is pullable by anyone,
 * admin gets everything, carol is disabled, alice also has an application token.
 */
final class FakeAccessModel implements CredentialsAuthenticator, RefreshTokenStore, RegistryLookup, AccessPolicy {

    static final String SERVICE = "127.0.0.1:5000";

    private final Map<String, Principal> users = Map.of(
            "alice", new Principal(1, "alice", false, "s1"),
            "bob", new Principal(2, "bob", false, "s2"),
            "admin", new Principal(3, "admin", true, "s3"));
    private final Map<String, String> secrets = Map.of("alice", "alice-pw", "bob", "bob-pw", "admin", "admin-pw",
            "carol", "carol-pw");
    private final Map<String, String> appTokens = Map.of("alice", "alice-app-token");
    private final Map<String, Map.Entry<Principal, String>> refresh = new ConcurrentHashMap<>();

    @Override
    public Result authenticate(String username, String secret) {
        if (username.equals("carol")) {
            return new Refused("disabled");
        }
        boolean ok = secret.equals(secrets.get(username)) || secret.equals(appTokens.get(username));
        return ok && users.containsKey(username) ? new Authenticated(users.get(username)) : new Refused("bad password");
    }

    @Override
    public Result authenticatePassword(String username, String password) {
        boolean ok = password.equals(secrets.get(username)) && users.containsKey(username);
        return ok ? new Authenticated(users.get(username)) : new Refused("bad password");
    }

    @Override
    public String issue(Principal principal, String service) {
        String token = UUID.randomUUID().toString();
        refresh.put(token, Map.entry(principal, service));
        return token;
    }

    @Override
    public Optional<Principal> redeem(String refreshToken, String service) {
        var entry = refresh.get(refreshToken);
        return entry != null && entry.getValue().equals(service) ? Optional.of(entry.getKey()) : Optional.empty();
    }

    @Override
    public Optional<KnownRegistry> byService(String service) {
        return SERVICE.equals(service) ? Optional.of(new KnownRegistry(1, "r", SERVICE, "", "portus_global_namespace_1"))
                : Optional.empty();
    }

    @Override
    public Set<String> grantedActions(Principal principal, Scope requested) {
        if (principal != null && principal.admin()) {
            return requested.actions();
        }
        if (!requested.type().equals("repository")) {
            return Set.of();
        }
        String namespace = requested.name().contains("/") ? requested.name().substring(0, requested.name().indexOf('/')) : "";
        if (principal != null && namespace.equals(principal.username())) {
            return Set.of("pull", "push", "delete", "*");
        }
        return namespace.equals("public") ? Set.of("pull") : Set.of();
    }
}
