/**
 * Users: creation with Devise-compatible bcrypt passwords, admin/enabled/bot flags, the hidden
 * {@code portus} service user, lockout state, and application tokens (usable as the docker password and
 * in the {@code Portus-Auth} header). Publishes {@link io.portus.account.UserCreated} and
 * {@link io.portus.account.UserAdminChanged} (synchronously, inside the transaction) so the namespace
 * module can create personal namespaces and keep the global teams' owners in step, and, for the activity
 * feed, {@link io.portus.account.UserEnabledChanged}, {@link io.portus.account.UserDeleted} and
 * {@link io.portus.account.ApplicationTokenChanged}.
 */
package io.portus.account;
