package io.portus.account;

/**
 * Published inside the transaction that changed the admin flag.
 *
 * @param actorId   the admin who changed it; null for an operator command
 * @param actorName their name ({@code portus} for an operator command)
 */
public record UserAdminChanged(User user, Long actorId, String actorName) {
}
