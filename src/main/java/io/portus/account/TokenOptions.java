package io.portus.account;

import io.portus.common.DbTime;
import io.portus.common.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The optional limits of a new application token.
 *
 * @param expiresAt null: never expires; else must be in the future
 * @param scope     null: everything the owner may do, as in Portus
 */
public record TokenOptions(Instant expiresAt, TokenScope scope) {

    /** A Portus token: no expiry, no scope. */
    public static final TokenOptions UNRESTRICTED = new TokenOptions(null, null);

    public static final int MAX_DAYS = 3650;

    /**
     * The expiry a person asked for: {@code expiresAt} as an ISO-8601 instant ({@code 2026-12-31T12:00:00Z}, an
     * offset allowed) or date (the token works until the end of that day, UTC), or {@code expiresInDays} days from
     * now (1 to {@value #MAX_DAYS}); null when neither is given. Both at once, or a bad value, is a 422 naming the field.
     */
    public static Instant expiry(String expiresAt, String expiresInDays) {
        boolean at = expiresAt != null && !expiresAt.isBlank();
        boolean in = expiresInDays != null && !expiresInDays.isBlank();
        if (at && in) {
            throw InvalidInputException.of("expires_at", "give either expires_at or expires_in_days, not both");
        }
        if (in) {
            long days;
            try {
                days = Long.parseLong(expiresInDays.trim());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("expires_in_days", "must be a whole number of days");
            }
            if (days < 1 || days > MAX_DAYS) {
                throw InvalidInputException.of("expires_in_days", "must be between 1 and " + MAX_DAYS);
            }
            return DbTime.now().plusSeconds(days * 86_400);
        }
        if (!at) {
            return null;
        }
        String value = expiresAt.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(value).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw InvalidInputException.of("expires_at",
                        "must be an ISO-8601 date or time, such as 2026-12-31 or 2026-12-31T12:00:00Z");
            }
        }
    }
}
