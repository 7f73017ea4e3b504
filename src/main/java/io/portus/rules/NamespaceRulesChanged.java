package io.portus.rules;

import io.portus.namespace.Namespace;

/**
 * A namespace's rules changed (published after they are written; the activity {@code namespace.change_rules}).
 *
 * @param before the rules before the change
 * @param after  the rules after it
 */
public record NamespaceRulesChanged(Namespace namespace, NamespaceRules before, NamespaceRules after, long actorId,
                                    String actorName) {
}
