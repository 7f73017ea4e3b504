package io.portus.registry.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Parses request paths with the distribution-spec route grammar. Repository names contain slashes, so
 * the path is read from the right: the last elements name the endpoint, everything before them is the
 * repository name. Anything that is no registry route (e.g. {@code /v2/token}) gives empty.
 */
final class V2Router {

    private static final String PREFIX = "/v2/";

    private V2Router() {
    }

    static Optional<Route> parse(String path) {
        if (path.equals("/v2") || path.equals(PREFIX)) {
            return route(Route.Kind.BASE, null, null);
        }
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        if (rest.equals("_catalog")) {
            return route(Route.Kind.CATALOG, null, null);
        }
        if (rest.endsWith("/tags/list")) {
            return route(Route.Kind.TAGS, cut(rest, "/tags/list"), null);
        }
        if (rest.endsWith("/blobs/uploads/")) {
            return route(Route.Kind.UPLOAD_START, cut(rest, "/blobs/uploads/"), null);
        }
        if (rest.endsWith("/blobs/uploads")) {
            return route(Route.Kind.UPLOAD_START, cut(rest, "/blobs/uploads"), null);
        }
        int last = rest.lastIndexOf('/');
        if (last < 0 || last == rest.length() - 1) {
            return Optional.empty();
        }
        String head = rest.substring(0, last);
        String tail = decode(rest.substring(last + 1));
        if (head.endsWith("/blobs/uploads")) {
            return route(Route.Kind.UPLOAD, cut(head, "/blobs/uploads"), tail);
        }
        int previous = head.lastIndexOf('/');
        if (previous < 0) {
            return Optional.empty();
        }
        String name = head.substring(0, previous);
        return switch (head.substring(previous + 1)) {
            case "manifests" -> route(Route.Kind.MANIFEST, name, tail);
            case "blobs" -> route(Route.Kind.BLOB, name, tail);
            case "referrers" -> route(Route.Kind.REFERRERS, name, tail);
            default -> Optional.empty();
        };
    }

    private static Optional<Route> route(Route.Kind kind, String name, String reference) {
        return Optional.of(new Route(kind, name, reference));
    }

    private static String cut(String s, String suffix) {
        return s.substring(0, s.length() - suffix.length());
    }

    /** Percent-decodes a path element ({@code sha256%3A...}); a malformed escape is kept as it is. */
    private static String decode(String element) {
        if (element.indexOf('%') < 0) {
            return element;
        }
        try {
            return URLDecoder.decode(element.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return element;
        }
    }
}
