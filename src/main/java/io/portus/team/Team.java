package io.portus.team;

import java.time.Instant;

/** A team; {@code personalUserId} is set on the hidden personal team of that user. */
public record Team(long id, String name, String description, boolean hidden, Long personalUserId,
                   Instant createdAt, Instant updatedAt) {
}
