package io.portus.registry.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OCI error for a {@code /v2/} request that Tomcat refused before the registry saw it (an encoded
 * slash or backslash, a malformed escape, a path that climbs above the root, characters outside the
 * request-target grammar, a malformed header or Content-Length, an unsupported protocol version...). The
 * answer is the one the registry gives for the same method and path ({@link RouteSyntax}: NAME_INVALID,
 * TAG_INVALID, DIGEST_INVALID, BLOB_UPLOAD_UNKNOWN, 404/405 UNSUPPORTED...); when the path is well-formed
 * the fault lies in the framing: SIZE_INVALID for a broken Content-Length, else UNSUPPORTED with the
 * container's status.
 */
final class ContainerRejections {

    /** Tomcat names a rejected request target only in its message: {@code ...request target [<target>]...}. */
    private static final Pattern TARGET_IN_MESSAGE = Pattern.compile("\\[(/v2(?:[/?\\s].*)?)\\]", Pattern.DOTALL);
    /** How Tomcat prints a byte outside 0x20-0x7e in that message. */
    private static final Pattern PRINTED_BYTE = Pattern.compile("0x([0-9a-f]{2})");

    private ContainerRejections() {
    }

    /**
     * @param method         the request method (may be null when the request line was unreadable)
     * @param requestUri     the raw request URI without query, or null when Tomcat could not read it
     * @param cause          what Tomcat threw, if anything
     * @param status         the status Tomcat chose
     * @param contentLengths the request's Content-Length header values
     * @return the error to answer, or empty when the request is not the registry's (outside {@code /v2/},
     *         or a path another module serves under it)
     */
    static Optional<RegistryException> classify(String method, String requestUri, Throwable cause, int status,
                                                List<String> contentLengths) {
        String path = requestUri != null && !requestUri.isEmpty() ? requestUri : targetOf(cause);
        if (path == null || !(path.equals("/v2") || path.startsWith("/v2/"))
                || RegistryFilter.APPLICATION_PATHS.contains(path)) {
            return Optional.empty();
        }
        Route route = V2Router.parse(path).orElse(new Route(Route.Kind.NO_ROUTE, null, null));
        try {
            RouteSyntax.checkWithoutStorage(route, method == null ? "" : method);
        } catch (RegistryException e) {
            return Optional.of(e);
        }
        if (!contentLengths.isEmpty() && (contentLengths.size() > 1 || !contentLengths.getFirst().strip().matches("[0-9]{1,18}"))) {
            return Optional.of(new RegistryException(ErrorCode.SIZE_INVALID, "Content-Length must be one non-negative"
                    + " decimal number").withStatus(400));
        }
        return Optional.of(new RegistryException(ErrorCode.UNSUPPORTED, "malformed HTTP request: the server refused"
                + " it before the registry could read it").withStatus(status >= 400 ? status : 400));
    }

    /**
     * The request target Tomcat quotes in the message of a request line it refused, with the bytes it printed
     * as {@code 0xNN} restored, query cut off; null when there is none.
     */
    static String targetOf(Throwable cause) {
        if (!(cause instanceof IllegalArgumentException) || cause.getMessage() == null) {
            return null;
        }
        String message = cause.getMessage();
        int start = message.indexOf("[/v2");
        int end = message.lastIndexOf(']');
        if (start < 0 || end <= start) {
            return null;
        }
        Matcher m = TARGET_IN_MESSAGE.matcher(message.substring(start, end + 1));
        if (!m.matches()) {
            return null;
        }
        String target = m.group(1).strip();
        if (target.endsWith("...")) {
            target = target.substring(0, target.length() - 3);
        }
        int query = target.indexOf('?');
        return restore(query < 0 ? target : target.substring(0, query));
    }

    private static String restore(String printed) {
        Matcher m = PRINTED_BYTE.matcher(printed);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int b = Integer.parseInt(m.group(1), 16);
            String replacement = b < 0x20 || b > 0x7e ? String.valueOf((char) b) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
