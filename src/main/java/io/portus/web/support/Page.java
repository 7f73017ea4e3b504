package io.portus.web.support;

import io.portus.account.User;
import io.portus.auth.policy.ActorKind;
import io.portus.auth.policy.Policy;
import io.portus.auth.policy.UserAction;

import java.util.List;

/**
 * What the layout of every page needs: the signed-in user (null when anonymous), the CSRF field of the
 * session, the current path (for the active menu entry), flash messages, settings and the registry host of
 * the docker commands.
 */
public record Page(User user, String csrfParameter, String csrfToken, String path, List<Flash> flashes,
                   UiSettings settings, String registryHost) {

    public boolean signedIn() {
        return user != null;
    }

    public boolean admin() {
        return Policy.allows(UserAction.ADMINISTER, ActorKind.of(user));
    }

    /** The name to show for the signed-in user (display name when enabled and set). */
    public String userLabel() {
        return user == null ? "" : label(user.username(), user.displayName());
    }

    public String label(String username, String displayName) {
        return settings.displayNames() && displayName != null && !displayName.isBlank() ? displayName : username;
    }

    /** Whether the menu entry for {@code prefix} is the current one. */
    public boolean at(String prefix) {
        return path != null && (path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    public boolean hasCsrf() {
        return csrfToken != null;
    }
}
