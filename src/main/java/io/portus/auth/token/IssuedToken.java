package io.portus.auth.token;

import java.time.Instant;

/** A signed token and when it was issued and expires. */
record IssuedToken(String token, Instant issuedAt, Instant expiresAt) {

    /** Seconds left at {@code now}, as the response's {@code expires_in}. */
    long expiresIn(Instant now) {
        return Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
    }
}
