package io.portus.auth.scope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses and formats scopes ({@code resourcetype[(class)]:resourcename:action[,action]*}).
 * The type is read up to the first {@code :} and the actions after the last one, so a name may hold
 * one {@code :} (a {@code host:port} prefix). Like Portus, fewer than three parts and a type other than
 * {@code repository} or {@code registry} are errors (the token endpoint answers 401); empty actions are
 * simply none.
 */
public final class Scopes {

    /** The resource types the token service grants: anything else is refused. */
    public static final Set<String> KNOWN_TYPES = Set.of("repository", "registry");

    private static final Pattern TYPE = Pattern.compile("([a-z0-9]+(?:[._-][a-z0-9]+)*)(?:\\(([a-z0-9]+(?:[._-][a-z0-9]+)*)\\))?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int MAX_LENGTH = 1024;

    private Scopes() {
    }

    /** Parses one scope. */
    public static Scope parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            throw new InvalidScopeException("malformed scope");
        }
        int first = raw.indexOf(':');
        int last = raw.lastIndexOf(':');
        if (first < 0 || last == first) {
            throw new InvalidScopeException("malformed scope: " + raw + " (expected type:name:actions)");
        }
        var type = TYPE.matcher(raw.substring(0, first));
        String name = raw.substring(first + 1, last);
        if (!type.matches()) {
            throw new InvalidScopeException("malformed scope: bad resource type in " + raw);
        }
        if (name.isEmpty() || name.indexOf(':') != name.lastIndexOf(':') || !printable(name)) {
            throw new InvalidScopeException("malformed scope: bad resource name in " + raw);
        }
        Set<String> actions = new LinkedHashSet<>();
        for (String action : raw.substring(last + 1).split(",")) {
            if (!action.isEmpty()) {
                actions.add(action);
            }
        }
        return new Scope(type.group(1), type.group(2), name, actions);
    }

    /**
     * Parses every requested scope (each value may itself list several, space separated), refuses
     * unknown resource types and merges scopes of the same type and name, actions de-duplicated in
     * request order.
     */
    public static List<Scope> parseRequested(Iterable<String> values) {
        List<Scope> scopes = new ArrayList<>();
        for (String value : values) {
            for (String raw : WHITESPACE.split(value.strip())) {
                if (raw.isEmpty()) {
                    continue;
                }
                Scope scope = parse(raw);
                if (!KNOWN_TYPES.contains(scope.type())) {
                    throw new InvalidScopeException("unknown resource type: " + scope.type());
                }
                scopes.add(scope);
            }
        }
        return merge(scopes);
    }

    /** Merges scopes with the same type and name (the first one's class is kept). */
    public static List<Scope> merge(List<Scope> scopes) {
        Map<String, Scope> merged = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            merged.merge(scope.type() + ":" + scope.name(), scope, (a, b) -> {
                Set<String> actions = new LinkedHashSet<>(a.actions());
                actions.addAll(b.actions());
                return a.withActions(actions);
            });
        }
        return List.copyOf(merged.values());
    }

    /** {@code type[(class)]:name:a,b}. */
    public static String format(Scope scope) {
        String type = scope.resourceClass() == null ? scope.type() : scope.type() + "(" + scope.resourceClass() + ")";
        return type + ":" + scope.name() + ":" + String.join(",", scope.actions());
    }

    /** Scopes separated by single spaces, as in a challenge's {@code scope} or the OAuth2 {@code scope}. */
    public static String formatAll(List<Scope> scopes) {
        return scopes.stream().map(Scopes::format).collect(Collectors.joining(" "));
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
