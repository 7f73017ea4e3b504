package io.portus.auth.policy;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The token side of the {@link Policy}: which of the requested scope actions ({@code pull}, {@code push},
 * {@code delete}, {@code *}) to grant; anything else is never granted.
 */
public final class PermissionMatrix {

    private PermissionMatrix() {
    }

    /** The subset of {@code requested} that {@code facts} allow, in the order requested. */
    public static Set<String> granted(NamespaceFacts facts, Set<String> requested, PolicySettings settings) {
        return granted(new Policy(settings), facts, requested);
    }

    static Set<String> granted(Policy policy, NamespaceFacts facts, Set<String> requested) {
        Set<String> granted = new LinkedHashSet<>();
        for (String action : requested) {
            if (allows(policy, facts, action)) {
                granted.add(action);
            }
        }
        return granted;
    }

    public static boolean allows(NamespaceFacts facts, String action, PolicySettings settings) {
        return allows(new Policy(settings), facts, action);
    }

    /** {@code registry:catalog:*}. */
    public static boolean catalog(ActorKind actor) {
        return new Policy(PolicySettings.DEFAULTS).catalog(actor);
    }

    private static boolean allows(Policy policy, NamespaceFacts facts, String action) {
        RepositoryAction a = RepositoryAction.ofScope(action);
        return a != null && policy.allows(a, facts);
    }
}
