package io.portus.auth.token;

import io.portus.auth.throttle.AuthThrottle;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The JSON bodies of {@code /v2/token}, GET ({@link TokenGetFilter}) and POST ({@link TokenController}) alike,
 * written by hand: one writer, so the two forms cannot drift apart, and no Jackson on the GET's fast path.
 * <ul>
 *   <li>GET 200: {@code token}, {@code access_token}, {@code expires_in}, {@code issued_at}
 *       [, {@code refresh_token}];</li>
 *   <li>POST 200 (OAuth2): {@code access_token}, {@code scope}, {@code expires_in}, {@code issued_at}
 *       [, {@code refresh_token}];</li>
 *   <li>refusals: GET the registry-style {@code {"errors":[{"code","message"}]}}, POST the OAuth2
 *       {@code {"error","error_description"}}.</li>
 * </ul>
 */
final class TokenResponses {

    private TokenResponses() {
    }

    /** @param scope the granted scopes (POST form), or null for the GET form */
    static byte[] issued(IssuedToken token, Instant now, String scope, String refreshToken) {
        StringBuilder out = new StringBuilder(2 * token.token().length() + 200).append('{');
        if (scope == null) {
            jws(out, "token", token.token()).append(',');
        }
        jws(out, "access_token", token.token()).append(',');
        if (scope != null) {
            string(out, "scope", scope).append(',');
        }
        out.append("\"expires_in\":").append(token.expiresIn(now)).append(',');
        string(out, "issued_at", DateTimeFormatter.ISO_INSTANT.format(token.issuedAt()));
        if (refreshToken != null) {
            string(out.append(','), "refresh_token", refreshToken);
        }
        return bytes(out.append('}'));
    }

    /**
     * The OAuth2 error of the POST form, the registry-style {@code errors} list of the GET; a throttled client
     * gets the registry's {@code TOOMANYREQUESTS} on both (docker reads that code from either form).
     */
    static byte[] refused(TokenRequestException e, boolean post) {
        StringBuilder out = new StringBuilder(160).append('{');
        if (e.retryAfter() != null) {
            out.append("\"errors\":[{");
            string(out, "code", "TOOMANYREQUESTS").append(',');
            string(out, "message", e.getMessage()).append(",\"detail\":{\"retry_after_seconds\":")
                    .append(AuthThrottle.retryAfter(e.retryAfter())).append("}}]");
        } else if (post) {
            string(out, "error", e.oauthError()).append(',');
            string(out, "error_description", e.getMessage());
        } else {
            out.append("\"errors\":[{");
            string(out, "code", e.status().value() == 401 ? "UNAUTHORIZED" : "INVALID_REQUEST").append(',');
            string(out, "message", e.getMessage()).append("}]");
        }
        return bytes(out.append('}'));
    }

    /**
     * {@code "name":"value"} with the value escaped as JSON requires. Runs that need no escape (a whole JWS)
     * are appended in one call: appending a 7 KB token body char by char was a fifth of the GET's CPU.
     */
    static StringBuilder string(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":\"");
        String v = value == null ? "" : value;
        int run = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean quote = c == '"' || c == '\\';
            if (quote || c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.append(v, run, i);
                out.append(quote ? "\\" + c : String.format("\\u%04x", (int) c));
                run = i + 1;
            }
        }
        return out.append(v, run, v.length()).append('"');
    }

    /** A compact JWS is base64url and dots, nothing JSON escapes: appended without a scan. */
    private static StringBuilder jws(StringBuilder out, String name, String token) {
        return out.append('"').append(name).append("\":\"").append(token).append('"');
    }

    private static byte[] bytes(StringBuilder out) {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
