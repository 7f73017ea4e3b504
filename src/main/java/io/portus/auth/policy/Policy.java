package io.portus.auth.policy;

import io.portus.namespace.Visibility;
import io.portus.team.Role;

/**
 * Every authorization rule of Portus (master / 2.4+) in one place, as a pure function of the actor, the
 * target and the configuration: the token service asks it which actions to grant, the services ask it before
 * every change, and the UI asks it which buttons to show. Callers load the facts; nothing here reads the
 * database.
 * <ul>
 *   <li>pull (and seeing a namespace): portus always; anyone on public; logged-in users on protected and
 *       global; admins on all; team members on their team's; a missing namespace only for admins.</li>
 *   <li>push: logged-in only; an unknown push policy refuses everyone; admins always; otherwise
 *       allow-teams = owner or contributor (you own your personal namespace), allow-personal = own
 *       personal namespace only, admin-only = nobody else.</li>
 *   <li>delete (token {@code delete} and {@code *}, tags, repositories): {@code delete.enabled} and (admin,
 *       owner, or contributor when {@code delete.contributors}); namespaces: also never the global one;
 *       teams: also never a hidden one.</li>
 *   <li>namespaces: create = ({@code create-namespace} ∨ admin) ∧ push; update = (admin ∨
 *       ({@code manage-namespace} ∧ owner)) ∧ push; change visibility = admin ∨ ({@code change-visibility}
 *       ∧ ¬global ∧ owner); change team = admin ∨ ({@code manage-namespace} ∧ owner).</li>
 *   <li>teams: create = {@code create-team} ∨ admin (for someone else: admin); show = admin ∨ member;
 *       update = ¬hidden ∧ (admin ∨ ({@code manage-team} ∧ owner)); members = ¬hidden ∧ (admin ∨ owner).</li>
 *   <li>webhooks: show = admin ∨ member of the namespace's team; create and delete = admin ∨
 *       ({@code create-webhook} ∧ owner); manage = admin ∨ ({@code manage-webhook} ∧ owner).</li>
 *   <li>repository description: admin ∨ owner ∨ contributor; deleting a comment: admin ∨ its author.</li>
 *   <li>administration (users, registries, activities, every tag), enabling accounts and
 *       {@code registry:catalog:*}: admins (portus included); disabling: admins and the user themself;
 *       application tokens: their user, and admins for bots.</li>
 * </ul>
 *
 * @see <a href="https://github.com/SUSE/Portus/tree/master/app/policies">Portus's policies</a>
 */
public record Policy(PolicySettings settings) {

    public boolean allows(RepositoryAction action, NamespaceFacts f) {
        return switch (action) {
            case PULL -> pull(f);
            case PUSH -> push(f);
            case DELETE -> delete(f);
            case DESCRIBE -> f.actor().admin()
                    || f.effectiveRole() == Role.OWNER || f.effectiveRole() == Role.CONTRIBUTOR;
        };
    }

    public boolean allows(NamespaceAction action, NamespaceFacts f) {
        boolean owner = f.effectiveRole() == Role.OWNER;
        boolean admin = f.actor().admin();
        return switch (action) {
            case SHOW -> pull(f);
            case CREATE -> (settings.createNamespace() || admin) && push(f);
            case UPDATE -> (admin || (settings.manageNamespace() && owner)) && push(f);
            case CHANGE_VISIBILITY -> admin || (settings.changeVisibility() && f.namespace() != NamespaceKind.GLOBAL
                    && owner);
            case CHANGE_TEAM -> admin || (settings.manageNamespace() && owner);
            case DELETE -> f.namespace() != NamespaceKind.GLOBAL && delete(f);
        };
    }

    public boolean allows(WebhookAction action, NamespaceFacts f) {
        Role role = f.effectiveRole();
        return switch (action) {
            case SHOW -> f.actor().admin() || role != null;
            case CREATE -> f.actor().admin() || (settings.createWebhook() && role == Role.OWNER);
            case MANAGE -> f.actor().admin() || (settings.manageWebhook() && role == Role.OWNER);
        };
    }

    public boolean allows(TeamAction action, TeamFacts f) {
        boolean admin = f.actor().admin();
        boolean owner = f.role() == Role.OWNER;
        return switch (action) {
            case CREATE -> f.actor() != ActorKind.ANONYMOUS && (settings.createTeam() || admin);
            case CREATE_FOR_OTHERS -> admin;
            case SHOW -> admin || f.role() != null;
            case UPDATE -> !f.hidden() && (admin || (settings.manageTeam() && owner));
            case MANAGE_MEMBERS -> !f.hidden() && (admin || owner);
            case DELETE -> settings.deleteEnabled() && !f.hidden()
                    && (admin || owner || (settings.deleteContributors() && f.role() == Role.CONTRIBUTOR));
        };
    }

    /** No setting changes these, so they need no instance (the admin gates are static). */
    public static boolean allows(UserAction action, UserFacts f) {
        boolean signedIn = f.actor() != ActorKind.ANONYMOUS;
        return switch (action) {
            case ADMINISTER, ENABLE -> f.actor().admin();
            case DISABLE -> f.actor().admin() || (signedIn && f.self());
            case MANAGE_APPLICATION_TOKENS -> (signedIn && f.self()) || (f.actor().admin() && f.targetBot());
        };
    }

    /** @param author whether the actor wrote the comment */
    public static boolean allows(CommentAction action, ActorKind actor, boolean author) {
        return switch (action) {
            case DELETE -> actor.admin() || (actor != ActorKind.ANONYMOUS && author);
        };
    }

    /** {@link #allows(UserAction, UserFacts)} for no account in particular. */
    public static boolean allows(UserAction action, ActorKind actor) {
        return allows(action, UserFacts.of(actor));
    }

    /** {@code registry:catalog:*}. */
    public boolean catalog(ActorKind actor) {
        return actor.admin();
    }

    private static boolean pull(NamespaceFacts f) {
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
                || f.actor() == ActorKind.ADMIN || f.effectiveRole() != null;
    }

    private boolean push(NamespaceFacts f) {
        Role role = f.effectiveRole();
        boolean member = switch (settings.pushPolicy()) {
            case ALLOW_TEAMS -> role == Role.OWNER || role == Role.CONTRIBUTOR;
            case ALLOW_PERSONAL -> f.namespace() == NamespaceKind.PERSONAL_OWN;
            case ADMIN_ONLY, UNKNOWN -> false;
        };
        return write(f, settings.pushPolicy() != PushPolicy.UNKNOWN, member);
    }

    private boolean delete(NamespaceFacts f) {
        Role role = f.effectiveRole();
        return write(f, settings.deleteEnabled(),
                role == Role.OWNER || (settings.deleteContributors() && role == Role.CONTRIBUTOR));
    }

    /** Push and delete alike: never anonymous or when switched off; admins always; others by {@code member}. */
    private static boolean write(NamespaceFacts f, boolean enabled, boolean member) {
        if (f.actor() == ActorKind.ANONYMOUS || !enabled) {
            return false;
        }
        return f.actor().admin() || (f.namespace() != NamespaceKind.MISSING && member);
    }
}
