package io.portus.web.support;

import io.portus.activity.Activity;

import java.util.Map;

/** An activity as a sentence, from the names it kept (so it still reads after deletes). */
public final class ActivityText {

    private ActivityText() {
    }

    public static String who(Activity a) {
        return a.ownerName() == null || a.ownerName().isEmpty() ? "Someone anonymous" : a.ownerName();
    }

    /** What happened, after the actor's name: "pushed tag team/app:1.0". */
    public static String what(Activity a) {
        Map<String, String> p = a.parameters();
        String full = p.getOrDefault("repository_name", a.trackableName());
        return switch (a.key()) {
            case "repository.push" -> "pushed tag " + full + ":" + p.getOrDefault("tag_name", a.recipientName());
            case "repository.delete" -> "deleted tag " + full + ":" + p.getOrDefault("tag_name", a.recipientName());
            case "namespace.delete" -> "deleted repository " + full;
            case "namespace.create" -> "created namespace " + a.trackableName()
                    + (a.recipientName() == null ? "" : " for team " + a.recipientName());
            case "namespace.change_rules" -> "changed the rules of namespace " + a.trackableName() + " (quota "
                    + p.getOrDefault("quota_bytes", "") + ", immutable tags " + p.getOrDefault("immutable_tags", "")
                    + ", pattern " + p.getOrDefault("immutable_tags_pattern", "") + ")";
            case "namespace.change_visibility" -> "made namespace " + a.trackableName() + " " + p.getOrDefault("new", "");
            case "namespace.change_team" -> "moved namespace " + a.trackableName() + " to team " + p.getOrDefault("new", "");
            case "namespace.change_namespace_description" -> "changed the description of namespace " + a.trackableName();
            case "registry.delete" -> "deleted namespace " + p.getOrDefault("namespace_name", a.recipientName());
            case "registry.remove_team" -> "deleted team " + p.getOrDefault("team", a.trackableName());
            case "team.create" -> "created team " + a.trackableName();
            case "user.create" -> "created user " + a.trackableName();
            case "user.delete" -> "deleted user " + a.trackableName();
            case "user.toggle_admin" -> "true".equals(p.get("admin")) ? "made " + a.trackableName() + " an administrator"
                    : "removed the administrator rights of " + a.trackableName();
            case "user.toggle_enabled" -> ("true".equals(p.get("enabled")) ? "enabled " : "disabled ") + a.trackableName();
            case "application_token.create" -> "created the application token " + a.trackableName()
                    + " of " + a.recipientName();
            case "application_token.destroy" -> "removed the application token " + a.trackableName()
                    + " of " + a.recipientName();
            case "registry.create" -> "registered the registry " + a.trackableName() + " (" + p.getOrDefault("hostname", "") + ")";
            case "registry.update" -> "changed the registry " + a.trackableName() + " (" + p.getOrDefault("hostname", "") + ")";
            case "team.add_member" -> "added " + a.recipientName() + " to team " + a.trackableName()
                    + role(p);
            case "team.remove_member" -> "removed " + a.recipientName() + " from team " + a.trackableName();
            case "team.change_member_role" -> "changed the role of " + a.recipientName() + " in team "
                    + a.trackableName() + role(p);
            case "gc.run" -> ("true".equals(p.get("dry_run")) ? "ran a garbage collection dry run (" : "ran a garbage collection (")
                    + p.getOrDefault("state", "") + "): " + p.getOrDefault("manifests_deleted", "0") + " manifests, "
                    + p.getOrDefault("blobs_deleted", "0") + " blobs, " + Formats.size(parseLong(p.get("bytes_freed")))
                    + ("true".equals(p.get("dry_run")) ? " to free" : " freed");
            default -> a.key().replace('.', ' ').replace('_', ' ') + " " + nullToEmpty(a.trackableName())
                    + (a.recipientName() == null ? "" : " (" + a.recipientName() + ")");
        };
    }

    private static String role(Map<String, String> p) {
        return p.containsKey("role") ? " as " + p.get("role") : "";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
