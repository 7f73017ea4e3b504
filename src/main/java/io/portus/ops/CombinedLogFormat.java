package io.portus.ops;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * One line of the access log in the format of CNCF distribution's access log (gorilla/handlers'
 * {@code CombinedLoggingHandler}, Apache's "combined"):
 * {@code 127.0.0.1 - - [02/Jan/2006:15:04:05 -0700] "GET /v2/ HTTP/1.1" 401 87 "-" "docker/27.0"}.
 * Differences on purpose: the values of query parameters that may hold secrets (passwords, tokens, OAuth
 * codes, signatures) are replaced by {@code REDACTED}; headers other than Referer and User-Agent are never read.
 */
final class CombinedLogFormat {

    /** Query parameter names whose values never reach the log (compared lower case, without {@code -}/{@code _}). */
    static final Set<String> SECRET_PARAMETERS = Set.of("password", "token", "accesstoken", "refreshtoken",
            "idtoken", "resetpasswordtoken", "code", "state", "secret", "clientsecret", "signature", "xamzsignature",
            "xamzcredential", "xamzsecuritytoken", "key", "apikey", "authorization");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    /** What one line says: the request target is the raw one (path and query as the client sent them). */
    record Entry(String remoteHost, String user, Instant start, String method, String target, String protocol,
                 int status, long bytes, String referer, String userAgent) {
    }

    private final ZoneId zone;

    CombinedLogFormat(ZoneId zone) {
        this.zone = zone;
    }

    String format(Entry e) {
        StringBuilder line = new StringBuilder(160);
        line.append(orDash(e.remoteHost())).append(" - ").append(orDash(e.user()))
                .append(" [").append(TIME.format(e.start().atZone(zone))).append("] \"")
                .append(e.method()).append(' ');
        appendEscaped(line, redactQuery(e.target()));
        line.append(' ').append(e.protocol()).append("\" ").append(e.status()).append(' ').append(e.bytes())
                .append(' ');
        appendQuoted(line, e.referer());
        line.append(' ');
        appendQuoted(line, e.userAgent());
        return line.toString();
    }

    /** {@code target} with the value of every secret query parameter replaced by {@code REDACTED}. */
    static String redactQuery(String target) {
        int q = target.indexOf('?');
        if (q < 0) {
            return target;
        }
        StringBuilder out = new StringBuilder(target.length()).append(target, 0, q + 1);
        String[] pairs = target.substring(q + 1).split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                out.append('&');
            }
            int eq = pairs[i].indexOf('=');
            String name = eq < 0 ? pairs[i] : pairs[i].substring(0, eq);
            if (eq >= 0 && isSecret(name)) {
                out.append(name).append("=REDACTED");
            } else {
                out.append(pairs[i]);
            }
        }
        return out.toString();
    }

    private static boolean isSecret(String name) {
        String plain = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace("%5f", "");
        return SECRET_PARAMETERS.contains(plain) || plain.endsWith("password") || plain.endsWith("token")
                || plain.endsWith("secret");
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    private static void appendQuoted(StringBuilder line, String value) {
        line.append('"');
        appendEscaped(line, value == null ? "" : value);
        line.append('"');
    }

    /** Escapes quotes, backslashes and control characters, as Go's strconv.Quote does, so one request is one line. */
    private static void appendEscaped(StringBuilder line, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                line.append(String.format("\\x%02x", (int) c));
            } else {
                line.append(c);
            }
        }
    }
}
