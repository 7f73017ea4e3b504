package io.portus.auth.policy;

import io.portus.namespace.Visibility;
import io.portus.team.Role;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Portus's permission matrix (master/2.4+, {@code NamespacePolicy} and {@code RegistryPolicy}) as a pure
 * function. Actions: {@code pull}, {@code push}, {@code delete} and {@code *} (both = Portus's
 * {@code all?}/{@code delete?}); anything else is never granted.
 * <ul>
 *   <li>pull: portus always; anyone on public; logged-in users on protected and global; admins on all;
 *       team members on their team's; a missing namespace only for admins.</li>
 *   <li>push: logged-in only; an unknown push policy refuses everyone; admins always; otherwise
 *       allow-teams = owner or contributor (you own your personal namespace), allow-personal = own
 *       personal namespace only, admin-only = nobody else.</li>
 *   <li>delete / *: {@code delete.enabled} and (admin, owner, or contributor when
 *       {@code delete.contributors}).</li>
 *   <li>{@code registry:catalog:*}: admins (portus included).</li>
 * </ul>
 */
public final class PermissionMatrix {

    private PermissionMatrix() {
    }

    /** The subset of {@code requested} that {@code facts} allow, in the order requested. */
    public static Set<String> granted(NamespaceFacts facts, Set<String> requested, PolicySettings settings) {
        Set<String> granted = new LinkedHashSet<>();
        for (String action : requested) {
            if (allows(facts, action, settings)) {
                granted.add(action);
            }
        }
        return granted;
    }

    public static boolean allows(NamespaceFacts facts, String action, PolicySettings settings) {
        return switch (action) {
            case "pull" -> pull(facts);
            case "push" -> push(facts, settings);
            case "delete", "*" -> delete(facts, settings);
            default -> false;
        };
    }

    /** {@code registry:catalog:*}. */
    public static boolean catalog(ActorKind actor) {
        return actor == ActorKind.ADMIN || actor == ActorKind.PORTUS;
    }

    static boolean pull(NamespaceFacts f) {
        if (f.actor() == ActorKind.PORTUS) {
            return true;
        }
        if (f.namespace() == NamespaceKind.MISSING) {
            return f.actor() == ActorKind.ADMIN;
        }
        if (f.visibility() == Visibility.PUBLIC) {
            return true;
        }
        if (f.actor() == ActorKind.ANONYMOUS) {
            return false;
        }
        return f.visibility() == Visibility.PROTECTED || f.namespace() == NamespaceKind.GLOBAL
                || f.actor() == ActorKind.ADMIN || role(f) != null;
    }

    static boolean push(NamespaceFacts f, PolicySettings s) {
        if (f.actor() == ActorKind.ANONYMOUS || s.pushPolicy() == PushPolicy.UNKNOWN) {
            return false;
        }
        if (admin(f)) {
            return true;
        }
        if (f.namespace() == NamespaceKind.MISSING) {
            return false;
        }
        return switch (s.pushPolicy()) {
            case ALLOW_TEAMS -> role(f) == Role.OWNER || role(f) == Role.CONTRIBUTOR;
            case ALLOW_PERSONAL -> f.namespace() == NamespaceKind.PERSONAL_OWN;
            case ADMIN_ONLY, UNKNOWN -> false;
        };
    }

    static boolean delete(NamespaceFacts f, PolicySettings s) {
        if (f.actor() == ActorKind.ANONYMOUS || !s.deleteEnabled()) {
            return false;
        }
        if (admin(f)) {
            return true;
        }
        if (f.namespace() == NamespaceKind.MISSING) {
            return false;
        }
        return role(f) == Role.OWNER || (s.deleteContributors() && role(f) == Role.CONTRIBUTOR);
    }

    private static boolean admin(NamespaceFacts f) {
        return f.actor() == ActorKind.ADMIN || f.actor() == ActorKind.PORTUS;
    }

    /** You own your personal namespace (its hidden team has you as owner). */
    private static Role role(NamespaceFacts f) {
        return f.namespace() == NamespaceKind.PERSONAL_OWN ? Role.OWNER : f.role();
    }
}
