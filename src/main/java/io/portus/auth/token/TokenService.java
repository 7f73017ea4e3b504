package io.portus.auth.token;

import io.portus.account.TokenScope;
import io.portus.auth.Principal;
import io.portus.auth.RegistryLookup;
import io.portus.auth.policy.AccessPolicy;
import io.portus.auth.scope.Scope;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The decisions of {@code /v2/token} once the caller is known (docs/compatibility.md#token-endpoint): an unknown service
 * gets {@code access: []}; no requested scope gets no {@code access} claim; otherwise each scope keeps only
 * the actions the policy grants, in request order, and scopes left with none are dropped. A principal signed in with
 * a scoped application token gets only what is also inside the token's scope (no catalog).
 */
final class TokenService {

    private final RegistryLookup registries;
    private final AccessPolicy policy;
    private final TokenIssuer issuer;

    private final Clock clock;

    TokenService(RegistryLookup registries, AccessPolicy policy, TokenIssuer issuer, Clock clock) {
        this.registries = registries;
        this.policy = policy;
        this.issuer = issuer;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** A signed token and the scopes it grants (null when it carries no access claim). */
    record Grant(IssuedToken token, List<Scope> access) {
    }

    /**
     * @param principal null when anonymous
     * @param service   the {@code service} parameter ("" when absent)
     * @param requested parsed and merged scopes (empty for a login)
     */
    Grant grant(Principal principal, String service, List<Scope> requested) {
        Optional<RegistryLookup.KnownRegistry> registry = registries.byService(service);
        List<Scope> access;
        if (registry.isEmpty()) {
            access = List.of();
        } else if (requested.isEmpty()) {
            access = null;
        } else {
            access = granted(principal, registry.get(), requested);
        }
        String subject = principal == null ? "" : principal.username();
        return new Grant(issuer.issue(subject, service, access), access);
    }

    private List<Scope> granted(Principal principal, RegistryLookup.KnownRegistry registry, List<Scope> requested) {
        List<Scope> granted = new ArrayList<>(requested.size());
        for (Scope scope : requested) {
            Set<String> allowed = policy.grantedActions(principal, registry, scope);
            if (principal != null && principal.scoped()) {
                allowed = withinTokenScope(principal.restriction().scope(), scope, allowed);
            }
            Set<String> kept = new LinkedHashSet<>();
            for (String action : scope.actions()) {
                if (allowed != null && allowed.contains(action)) {
                    kept.add(action);
                }
            }
            if (!kept.isEmpty()) {
                granted.add(scope.withActions(kept));
            }
        }
        return List.copyOf(granted);
    }

    /**
     * What an application token's scope leaves of {@code allowed}: repository actions within the scope's
     * namespaces and repositories, never the catalog or other resource types.
     */
    static Set<String> withinTokenScope(TokenScope tokenScope, Scope requested, Set<String> allowed) {
        if (allowed == null || !"repository".equals(requested.type())) {
            return Set.of();
        }
        Set<String> inScope = tokenScope.allowed(requested.name(), requested.actions());
        inScope.retainAll(allowed);
        return inScope;
    }
}
