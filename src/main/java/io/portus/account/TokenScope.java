package io.portus.account;

import io.portus.common.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an application token may do in the registry, at most (the user's own permissions still apply): a
 * list of {@link ScopeRule}s. Stored in {@code application_tokens.scopes} in a compact form,
 * {@code target:actions} rules separated by spaces ({@code team1:pull,push team2/app:pull}); a token
 * without a scope (null) may do everything its user may, as in Portus. Rules for the same target merge.
 */
public record TokenScope(List<ScopeRule> rules) {

    public static final int MAX_RULES = 20;

    public TokenScope {
        if (rules.isEmpty()) {
            throw invalid("a scope needs at least one namespace or repository");
        }
        if (rules.size() > MAX_RULES) {
            throw invalid("a token may have at most " + MAX_RULES + " scopes");
        }
        Map<String, ScopeRule> merged = new LinkedHashMap<>();
        for (ScopeRule r : rules) {
            merged.merge(r.target(), r, (a, b) -> {
                Set<ScopeRule.Action> both = EnumSet.copyOf(a.actions());
                both.addAll(b.actions());
                return new ScopeRule(a.namespace(), a.repository(), both);
            });
        }
        rules = List.copyOf(merged.values());
    }

    /** Parses the compact form; null or blank is no scope (null). */
    public static TokenScope parse(String compact) {
        if (compact == null || compact.isBlank()) {
            return null;
        }
        List<ScopeRule> rules = new ArrayList<>();
        for (String part : compact.trim().split("\\s+")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0) {
                throw invalid("scope " + part + " should read namespace[/repository]:action[,action]");
            }
            String target = part.substring(0, colon);
            int slash = target.indexOf('/');
            if (slash == target.length() - 1) {
                throw invalid("scope " + part + " names no repository after the '/'");
            }
            rules.add(ScopeRule.of(slash < 0 ? target : target.substring(0, slash),
                    slash < 0 ? null : target.substring(slash + 1),
                    Arrays.stream(part.substring(colon + 1).split(",")).filter(s -> !s.isEmpty()).toList()));
        }
        return new TokenScope(rules);
    }

    /** The compact form ({@link #parse} reads it back). */
    public String format() {
        return rules.stream().map(r -> r.target() + ":" + String.join(",", r.actionNames()))
                .collect(Collectors.joining(" "));
    }

    /**
     * The registry actions this scope allows on the repository {@code fullName}, in the order of {@code requested}
     * (names other than pull, push, delete, such as {@code *}, are never allowed).
     */
    public Set<String> allowed(String fullName, Set<String> requested) {
        Set<ScopeRule.Action> allowed = EnumSet.noneOf(ScopeRule.Action.class);
        for (ScopeRule r : rules) {
            if (r.covers(fullName)) {
                allowed.addAll(r.actions());
            }
        }
        return requested.stream().filter(a -> {
            ScopeRule.Action action = ScopeRule.Action.of(a);
            return action != null && allowed.contains(action);
        }).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public String toString() {
        return format();
    }

    /** A scope a person must correct: 422 with the message under {@code scopes}. */
    static InvalidInputException invalid(String message) {
        return InvalidInputException.of("scopes", message);
    }
}
