package io.portus.team;

/**
 * What one user may do with one team (the {@link TeamPolicy}'s answers), for showing only the actions that will be
 * accepted; the service checks every action again.
 *
 * @param manageMembers add, remove and change the role of members (owners and admins)
 * @param update        rename and describe ({@code manage_team} and owner, or admin)
 * @param delete        delete it, once it owns no namespaces ({@link TeamDeletes})
 */
public record TeamAbilities(boolean show, boolean manageMembers, boolean update, boolean delete) {
}
