package io.portus.auth.scope;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One requested or granted scope: {@code type[(class)]:name:action[,action]*}
 * (distribution docs/spec/auth/scope.md). The resource class is kept for formatting but ignored when
 * matching. Parsing and formatting live beside it in {@link Scopes}. Actions keep their request order.
 */
public record Scope(String type, String resourceClass, String name, Set<String> actions) {

    public Scope {
        actions = Collections.unmodifiableSequencedSet(new LinkedHashSet<>(actions));
    }

    /** The same resource with other actions (request order of {@code actions} kept). */
    public Scope withActions(Set<String> actions) {
        return new Scope(type, resourceClass, name, actions);
    }

    /** {@code type[(class)]:name:a,b} as clients and registries write it. */
    @Override
    public String toString() {
        return Scopes.format(this);
    }
}
