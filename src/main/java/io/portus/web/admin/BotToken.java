package io.portus.web.admin;

/** The token of a bot just created, shown once. */
public record BotToken(String username, String token) {
}
