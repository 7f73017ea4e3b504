package io.portus.web.admin;

import java.time.Instant;

/**
 * The token of a bot just created, shown once.
 *
 * @param scope     the compact scope, or null for everything
 * @param expiresAt null: never
 */
public record BotToken(String username, String token, String scope, Instant expiresAt) {
}
