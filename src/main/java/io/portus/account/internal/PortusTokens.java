package io.portus.account.internal;

import io.portus.account.MatchedToken;
import io.portus.account.PortusTokenHashes;
import io.portus.account.TokenScope;
import io.portus.common.DbTime;
import io.portus.common.Secrets;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Application tokens imported from a Portus database ({@link PortusTokenHashes}): a secret of a Portus token's
 * shape is checked with bcrypt against the user's imported hashes (at most a handful); the first match is
 * rewritten to the SHA-256 form, so every later use is the usual indexed lookup.
 */
@Component
public class PortusTokens {

    private final JdbcClient jdbc;
    private final PasswordHashing hashing;

    public PortusTokens(JdbcClient jdbc, PasswordHashing hashing) {
        this.jdbc = jdbc;
        this.hashing = hashing;
    }

    /** The imported, unexpired token of {@code userId} that {@code secret} is, upgraded to SHA-256; else empty. */
    public Optional<MatchedToken> match(long userId, String secret, Instant now) {
        if (!PortusTokenHashes.mayBePortusToken(secret)) {
            return Optional.empty();
        }
        List<Candidate> imported = jdbc.sql("SELECT id, token_hash, scopes, expires_at, last_used_at FROM application_tokens "
                        + "WHERE user_id = ? AND token_hash LIKE '$2%' AND (expires_at IS NULL OR expires_at > ?)")
                .params(userId, DbTime.toDb(now))
                .query((rs, n) -> new Candidate(rs.getString("token_hash"), new MatchedToken(rs.getLong("id"),
                        TokenScope.parse(rs.getString("scopes")), DbTime.read(rs, "expires_at"),
                        DbTime.read(rs, "last_used_at"))))
                .list();
        for (Candidate c : imported) {
            if (PortusTokenHashes.isPortusHash(c.hash()) && hashing.matches(secret, c.hash())) {
                upgrade(c, Secrets.sha256Hex(secret));
                return Optional.of(c.token());
            }
        }
        return Optional.empty();
    }

    /**
     * Stores the SHA-256 form unless another token already has it (only possible when one secret was given to two
     * tokens, e.g. the same Portus database imported twice under other names): then the bcrypt hash stays.
     */
    private void upgrade(Candidate c, String sha256) {
        if (jdbc.sql("SELECT COUNT(*) FROM application_tokens WHERE token_hash = ?").param(sha256)
                .query(Integer.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("UPDATE application_tokens SET token_hash = ? WHERE id = ? AND token_hash = ?")
                    .params(sha256, c.token().id(), c.hash()).update();
        } catch (DuplicateKeyException e) {
            // a concurrent upgrade of a token with the same secret won: this one keeps its bcrypt hash
        }
    }

    private record Candidate(String hash, MatchedToken token) {
    }
}
