/**
 * Registries and namespaces. Every registry (the built-in one, registered at start-up, and external
 * ones added by admins) has a global namespace for repositories without a {@code /}, owned by a hidden
 * global team whose owners are all admins. Every non-bot user has a hidden personal team and a personal
 * namespace (private) in every registry; teams own further namespaces. Visibility private/protected/public
 * (Portus's 0/1/2). Who may pull or push is decided by a {@link io.portus.namespace.NamespacePolicy}
 * provided by {@code auth.policy}; {@link io.portus.namespace.NamespaceAccess} loads the facts it needs.
 */
package io.portus.namespace;
