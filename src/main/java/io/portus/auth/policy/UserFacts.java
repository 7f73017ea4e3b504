package io.portus.auth.policy;

/**
 * The facts about one actor and one user account the policy decides on.
 *
 * @param self      whether the account is the actor's own
 * @param targetBot whether the account is a bot
 */
public record UserFacts(ActorKind actor, boolean self, boolean targetBot) {

    /** No account in particular (the admin gates). */
    public static UserFacts of(ActorKind actor) {
        return new UserFacts(actor, false, false);
    }
}
