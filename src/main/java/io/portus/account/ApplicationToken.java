package io.portus.account;

import java.time.Instant;

/** An application token as listed (the secret itself is only ever returned once, by {@link NewApplicationToken}). */
public record ApplicationToken(long id, long userId, String application, Instant createdAt) {
}
