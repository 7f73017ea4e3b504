package io.portus.account;

/** Published inside the deleting transaction; the names stay for the activity. */
public record UserDeleted(long userId, String username, Long actorId, String actorName) {
}
