package io.portus.account;

/** Published inside the transaction that enabled or disabled a user ({@code user} has the new state). */
public record UserEnabledChanged(User user, Long actorId, String actorName) {
}
