package io.portus.auth.policy;

import io.portus.auth.Principal;
import io.portus.auth.RegistryLookup.KnownRegistry;
import io.portus.auth.scope.Scope;
import io.portus.namespace.NamespaceAccess;
import io.portus.namespace.NamespaceNames;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import org.springframework.stereotype.Service;

import java.util.Set;

/**
 * Loads the facts for one scope (one query: namespace, its team and the principal's membership) and asks
 * the {@link Policy}. The namespace is the text before the first {@code /}; without one it is
 * the registry's global namespace. {@code registry:catalog:*} is for admins; other types get nothing.
 */
@Service
class PortusAccessPolicy implements AccessPolicy {

    private final NamespaceAccess access;
    private final RegistryService registries;
    private final Policy policy;

    PortusAccessPolicy(NamespaceAccess access, RegistryService registries, Policy policy) {
        this.access = access;
        this.registries = registries;
        this.policy = policy;
    }

    @Override
    public Set<String> grantedActions(Principal principal, Scope requested) {
        return registries.builtin()
                .map(r -> grantedActions(principal, known(r), requested))
                .orElse(Set.of());
    }

    @Override
    public Set<String> grantedActions(Principal principal, KnownRegistry registry, Scope requested) {
        ActorKind actor = actor(principal);
        return switch (requested.type()) {
            case "repository" -> repository(principal, actor, registry, requested);
            case "registry" -> "catalog".equals(requested.name()) && requested.actions().contains("*")
                    && policy.catalog(actor) ? Set.of("*") : Set.of();
            default -> Set.of();
        };
    }

    private Set<String> repository(Principal principal, ActorKind actor, KnownRegistry registry, Scope requested) {
        String name = requested.name();
        int slash = name.indexOf('/');
        String namespace = slash < 0 ? null : name.substring(0, slash);
        if (namespace != null && !NamespaceNames.valid(namespace)) {
            return Set.of();
        }
        Long userId = principal == null ? null : principal.userId();
        NamespaceFacts facts = access.facts(registry.id(), namespace, userId)
                .map(f -> new NamespaceFacts(actor, NamespaceKind.of(f, userId), f.visibility(), f.role()))
                .orElseGet(() -> new NamespaceFacts(actor, NamespaceKind.MISSING, null, null));
        return PermissionMatrix.granted(policy, facts, requested.actions());
    }

    static ActorKind actor(Principal principal) {
        if (principal == null) {
            return ActorKind.ANONYMOUS;
        }
        if (io.portus.account.User.PORTUS.equals(principal.username())) {
            return ActorKind.PORTUS;
        }
        return principal.admin() ? ActorKind.ADMIN : ActorKind.USER;
    }

    static KnownRegistry known(Registry r) {
        return new KnownRegistry(r.id(), r.name(), r.hostname(), r.externalHostname(), r.globalNamespaceName());
    }
}
