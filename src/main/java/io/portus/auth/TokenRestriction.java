package io.portus.auth;

import io.portus.account.MatchedToken;
import io.portus.account.TokenScope;

import java.time.Instant;

/**
 * What an application token limits (issue #9): its {@code scope} (null: everything the user may do) and
 * {@code expiresAt} (null: never). Refresh tokens issued from it keep its id, so they keep its scope and die with it.
 */
public record TokenRestriction(long applicationTokenId, TokenScope scope, Instant expiresAt) {

    public static TokenRestriction of(MatchedToken token) {
        return new TokenRestriction(token.id(), token.scope(), token.expiresAt());
    }
}
