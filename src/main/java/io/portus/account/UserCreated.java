package io.portus.account;

/** Published inside the creating transaction, after the row exists. */
public record UserCreated(User user) {
}
