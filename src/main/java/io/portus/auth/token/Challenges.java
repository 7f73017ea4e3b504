package io.portus.auth.token;

import io.portus.registry.AccessController.Access;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code WWW-Authenticate: Bearer realm="…",service="…"[,scope="…"][,error="…"]} as distribution writes it:
 * the scope lists every access the request needs, grouped per resource ({@code repository:a:pull,push}),
 * and is left out when none is needed ({@code /v2/}).
 */
final class Challenges {

    private Challenges() {
    }

    static String bearer(String realm, String service, List<Access> required, String error) {
        StringBuilder header = new StringBuilder("Bearer realm=").append(quote(realm))
                .append(",service=").append(quote(service));
        String scope = scope(required);
        if (!scope.isEmpty()) {
            header.append(",scope=").append(quote(scope));
        }
        if (error != null) {
            header.append(",error=").append(quote(error));
        }
        return header.toString();
    }

    /** Accesses grouped by resource, actions de-duplicated in order, resources space separated. */
    static String scope(List<Access> accesses) {
        Map<String, Set<String>> byResource = new LinkedHashMap<>();
        for (Access access : accesses) {
            byResource.computeIfAbsent(access.type() + ":" + access.name(), r -> new LinkedHashSet<>()).add(access.action());
        }
        StringBuilder scope = new StringBuilder();
        byResource.forEach((resource, actions) -> {
            if (!scope.isEmpty()) {
                scope.append(' ');
            }
            scope.append(resource).append(':').append(String.join(",", actions));
        });
        return scope.toString();
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            if (c >= ' ' && c != 0x7f) {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
