package io.portus.cli;

import picocli.CommandLine.Option;

import java.net.URI;

/**
 * The options of every verb that talks to a running server, with portusctl's environment variables as defaults
 * ({@code PORTUSCTL_API_SERVER}, {@code PORTUSCTL_API_USER}, {@code PORTUSCTL_API_TOKEN}, {@code PORTUSCTL_FORMAT}).
 * The token is better given through the environment: a command line is visible to other users in {@code ps}.
 */
final class ServerOptions {

    @Option(names = {"-s", "--server"}, defaultValue = "${env:PORTUSCTL_API_SERVER}", paramLabel = "URL",
            description = "The server, e.g. https://portus.example.com (default: $PORTUSCTL_API_SERVER)")
    String server;

    @Option(names = {"-u", "--user"}, defaultValue = "${env:PORTUSCTL_API_USER}", paramLabel = "USER",
            description = "The API user (default: $PORTUSCTL_API_USER)")
    String user;

    @Option(names = {"-t", "--token"}, defaultValue = "${env:PORTUSCTL_API_TOKEN}", paramLabel = "TOKEN",
            description = "The user's application token (default: $PORTUSCTL_API_TOKEN)")
    String token;

    @Option(names = {"-f", "--format"}, defaultValue = "${env:PORTUSCTL_FORMAT:-table}", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format = Format.table;

    /** A client that signs in as {@code --user}/{@code --token}; a usage error when one of them is missing. */
    ApiClient client() {
        if (blank(user) || blank(token)) {
            throw CliFailure.usage("no credentials: set PORTUSCTL_API_USER and PORTUSCTL_API_TOKEN (or --user, --token)");
        }
        return new ApiClient(base(), user, token);
    }

    /** A client without credentials (bootstrap, health, version). */
    ApiClient anonymousClient() {
        return new ApiClient(base(), null, null);
    }

    URI base() {
        if (blank(server)) {
            throw CliFailure.usage("no server: set PORTUSCTL_API_SERVER (or --server), e.g. http://localhost:5000");
        }
        String url = server.strip();
        if (!url.contains("://")) {
            url = "http://" + url;
        }
        try {
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--server " + server + " is not a server URL (http://host:port or https://host)");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
