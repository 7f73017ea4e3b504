package io.portus.auth.policy;

import io.portus.auth.Principal;
import io.portus.auth.RegistryLookup;
import io.portus.auth.scope.Scope;

import java.util.Set;

/**
 * The token side of the {@link Policy} (Portus 2.4+, docs/compatibility.md#permission-matrix): which of the requested actions
 * a principal (null = anonymous) gets on a resource. Never throws for unknown names or actions: what
 * is not allowed is simply not granted.
 *
 * <p>Namespaces belong to a registry (each registry has its own global namespace, and personal and team
 * namespaces are per registry), so the token service should pass the registry it issues the token for
 * ({@link #grantedActions(Principal, RegistryLookup.KnownRegistry, Scope)}); the two-argument form decides
 * for the built-in registry.
 */
public interface AccessPolicy {

    /** For the built-in registry. */
    Set<String> grantedActions(Principal principal, Scope requested);

    /** For {@code registry}, the one the token's {@code service} named. */
    default Set<String> grantedActions(Principal principal, RegistryLookup.KnownRegistry registry, Scope requested) {
        return grantedActions(principal, requested);
    }
}
