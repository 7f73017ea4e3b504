package io.portus.account;

/**
 * An application token was created or removed (published inside the transaction).
 *
 * @param change    {@code create} or {@code destroy} (Portus's activity names)
 * @param ownerId   the user the token belongs to
 * @param actorId   who did it: the owner, or an admin for a bot's token
 */
public record ApplicationTokenChanged(String change, long tokenId, String application, long ownerId,
                                      String ownerName, long actorId, String actorName) {
}
