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

    /** {@code /api/v1/teams/TEAM/members/MEMBER}, the member id taken from the front of {@code rest}. */
    static String member(String team, java.util.List<String> rest, String usage) {
        if (rest.isEmpty() || rest.getFirst().contains("=")) {
            throw CliFailure.usage(usage);
        }
        return v1("teams", team, "members", rest.removeFirst());
    }

    static String v1(String first, String... segments) {
        return v1(first, List.of(segments));
    }
}
