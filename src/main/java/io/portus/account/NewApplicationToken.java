package io.portus.account;

import java.time.Instant;

/**
 * A token just created: {@code plainToken} is shown once and never stored.
 *
 * @param expiresAt null: never
 * @param scope     null: everything the owner may do
 */
public record NewApplicationToken(long id, String application, String plainToken, Instant expiresAt, TokenScope scope) {

    public NewApplicationToken(long id, String application, String plainToken) {
        this(id, application, plainToken, null, null);
    }

    @Override
    public String toString() {
        return "NewApplicationToken[" + id + ", " + application + "]";
    }
}
