/**
 * Every authorization rule, in one place: {@link io.portus.auth.policy.Policy} answers each
 * {@link io.portus.auth.policy.Action} (token grants, namespaces, teams, webhooks, administration) as a pure
 * function of the actor, the target and the configuration ({@link io.portus.auth.policy.PolicySettings}); the
 * rules are Portus's (docs/compatibility.md#permission-matrix, docs/compatibility.md#ui-api-rules).
 * {@link io.portus.auth.policy.AccessPolicy} loads the facts for the token service; the namespace and team
 * modules, which sit below {@code auth}, ask through their {@code NamespacePolicy} and {@code TeamPolicy}
 * interfaces; the catalog, webhooks, API and UI ask the {@code Policy} directly.
 */
package io.portus.auth.policy;
