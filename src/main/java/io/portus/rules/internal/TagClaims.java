package io.portus.rules.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.portus.common.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code immutable_tag_claims}: which digest is being pushed to a new immutable tag. Used only inside the
 * transaction holding the namespace's row lock, so claims of one namespace never race.
 */
@Repository
class TagClaims {

    /** How long a claim stands: far longer than storing a manifest and its tag takes. */
    static final Duration FRESH = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    TagClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The digest another push claimed for the tag less than {@link #FRESH} ago, if any. */
    Optional<String> freshClaim(long namespaceId, String repository, String tag) {
        Instant since = DbTime.now().minus(FRESH);
        return jdbc.sql("SELECT manifest FROM immutable_tag_claims WHERE namespace_id = ? AND repository = ? AND tag = ? "
                        + "AND created_at > ?").params(namespaceId, repository, tag, DbTime.toDb(since))
                .query(String.class).optional();
    }

    void claim(long namespaceId, String repository, String tag, String manifest) {
        release(namespaceId, repository, tag);
        jdbc.sql("INSERT INTO immutable_tag_claims (namespace_id, repository, tag, manifest, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(namespaceId, repository, tag, manifest, DbTime.toDb(DbTime.now())).update();
    }

    void release(long namespaceId, String repository, String tag) {
        jdbc.sql("DELETE FROM immutable_tag_claims WHERE namespace_id = ? AND repository = ? AND tag = ?")
                .params(namespaceId, repository, tag).update();
    }
}
