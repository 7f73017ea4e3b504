package io.portus.it.images;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compact JSON with sorted keys (maps, lists, strings, numbers): stable bytes, hence stable digests. */
final class CanonicalJson {
    private CanonicalJson() {
    }

    static byte[] write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder sb, Object v) {
        if (v instanceof Map<?, ?> m) {
            sb.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                sb.append(sep);
                append(sb, e.getKey());
                sb.append(':');
                append(sb, e.getValue());
                sep = ",";
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? "," : "");
                append(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof Number n) {
            sb.append(n);
        } else {
            sb.append('"');
            for (char c : v.toString().toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            sb.append('"');
        }
    }
}
