package io.portus.auth.scope;

import java.util.Set;

/**
 * One requested or granted scope: {@code type[(class)]:name:action[,action]*}
 * (distribution docs/spec/auth/scope.md). The resource class is kept for formatting but ignored when
 * matching. Parsing and formatting live beside it in this package.
 */
public record Scope(String type, String resourceClass, String name, Set<String> actions) {

    public Scope {
        actions = Set.copyOf(actions);
    }
}
