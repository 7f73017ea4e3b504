package io.portus.namespace;

import io.portus.team.Role;

/**
 * What the permission matrix needs to know about one namespace and one user, loaded in one query by
 * {@link NamespaceAccess}.
 *
 * @param role           the user's role in the owning team, or null when not a member (or anonymous)
 * @param personalUserId the user whose personal namespace this is, or null
 */
public record AccessFacts(long namespaceId, boolean global, Visibility visibility, Long personalUserId, Role role) {
}
