package io.portus.auth.policy;

import io.portus.auth.Principal;
import io.portus.auth.scope.Scope;

import java.util.Set;

/**
 * The Portus permission matrix (portus-behaviour §1.4, 2.4+ form): which of the requested actions
 * a principal (null = anonymous) gets on a resource. Never throws for unknown names or actions: what
 * is not allowed is simply not granted.
 */
public interface AccessPolicy {

    Set<String> grantedActions(Principal principal, Scope requested);
}
