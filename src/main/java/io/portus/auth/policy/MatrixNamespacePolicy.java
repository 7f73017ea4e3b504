package io.portus.auth.policy;

import io.portus.account.User;
import io.portus.namespace.AccessFacts;
import io.portus.namespace.NamespacePolicy;
import org.springframework.stereotype.Component;

/** The namespace module's pull/push questions ("show", "create"), answered by the {@link PermissionMatrix}. */
@Component
class MatrixNamespacePolicy implements NamespacePolicy {

    private final PolicySettings settings;

    MatrixNamespacePolicy(PolicySettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean mayPull(User user, AccessFacts facts) {
        return PermissionMatrix.pull(facts(user, facts));
    }

    @Override
    public boolean mayPush(User user, AccessFacts facts) {
        return PermissionMatrix.push(facts(user, facts), settings);
    }

    @Override
    public boolean mayDelete(User user, AccessFacts facts) {
        return PermissionMatrix.delete(facts(user, facts), settings);
    }

    private static NamespaceFacts facts(User user, AccessFacts f) {
        ActorKind actor = user == null ? ActorKind.ANONYMOUS
                : user.portus() ? ActorKind.PORTUS : user.admin() ? ActorKind.ADMIN : ActorKind.USER;
        return new NamespaceFacts(actor, PortusAccessPolicy.kind(f, user == null ? null : user.id()), f.visibility(),
                f.role());
    }
}
