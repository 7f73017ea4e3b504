package io.portus.cli;

import java.util.List;

/** Builds {@code /api/v1/…} paths from words a person typed, each segment percent-encoded. */
final class Paths {

    static final String V1 = "/api/v1";

    private Paths() {
    }

    static String v1(String first, List<String> segments) {
        StringBuilder path = new StringBuilder(V1).append('/').append(first);
        for (String segment : segments) {
            if (segment.isBlank() || segment.equals(".") || segment.equals("..")) {
                throw CliFailure.usage("'" + segment + "' is not an id");
            }
            path.append('/').append(ApiClient.encode(segment));
        }
        return path.toString();
    }

    static String v1(String first, String... segments) {
        return v1(first, List.of(segments));
    }
}
