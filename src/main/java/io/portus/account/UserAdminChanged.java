package io.portus.account;

/** Published inside the transaction that changed the admin flag. */
public record UserAdminChanged(User user) {
}
