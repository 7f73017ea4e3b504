package io.portus.account.internal;

import io.portus.account.User;

/** A users row: the public view plus what only authentication needs. */
public record UserRow(User user, String encryptedPassword, int failedAttempts, String credentialsStamp) {

    @Override
    public String toString() {
        return "UserRow[" + user.username() + "]";
    }
}
