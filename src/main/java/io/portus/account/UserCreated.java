package io.portus.account;

/**
 * Published inside the creating transaction, after the row exists.
 *
 * @param actorId   who created the user: an admin, or the user (sign-up, first admin)
 * @param actorName their name
 */
public record UserCreated(User user, Long actorId, String actorName) {
}
