package io.portus.web.admin;

import io.portus.account.User;
import io.portus.auth.policy.ActorKind;
import io.portus.auth.policy.Policy;
import io.portus.auth.policy.UserAction;
import io.portus.common.ForbiddenException;

/** The admin pages' gate: {@link UserAction#ADMINISTER}, which asks no setting. */
final class Admins {

    private Admins() {
    }

    static User require(User user) {
        if (!Policy.allows(UserAction.ADMINISTER, ActorKind.of(user))) {
            throw new ForbiddenException("Only administrators may see this page");
        }
        return user;
    }
}
