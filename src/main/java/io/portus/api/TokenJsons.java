package io.portus.api;

import io.portus.account.ApplicationToken;
import io.portus.account.NewApplicationToken;
import io.portus.account.ScopeRule;
import io.portus.account.TokenScope;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.List;

/**
 * Application tokens in JSON: Portus's {@code {id, application, …}} with this fork's {@code expires_at},
 * {@code scopes} ({@code null}: everything the owner may do; else {@code [{"namespace": "team1", "repository":
 * null | "app", "actions": ["pull", "push", "delete"]}]}), {@code last_used_at} and {@code last_used_ip}.
 */
final class TokenJsons {

    private TokenJsons() {
    }

    /** One rule of a scope; {@code repository} null for the whole namespace. */
    record ScopeJson(String namespace, String repository, List<String> actions) {

        static List<ScopeJson> of(TokenScope scope) {
            return scope == null ? null : scope.rules().stream()
                    .map(r -> new ScopeJson(r.namespace(), r.repository(), r.actionNames())).toList();
        }

        ScopeRule rule() {
            return ScopeRule.of(namespace, repository, actions);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TokenJson(long id, String application, Instant createdAt, Instant expiresAt, List<ScopeJson> scopes,
                     Instant lastUsedAt, String lastUsedIp, long userId, String username) {

        static TokenJson of(ApplicationToken t) {
            return new TokenJson(t.id(), t.application(), t.createdAt(), t.expiresAt(), ScopeJson.of(t.scope()),
                    t.lastUsedAt(), t.lastUsedIp(), t.userId(), t.ownerName());
        }
    }

    /** A token just created: the only time {@code plain_token} is shown. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewTokenJson(long id, String application, String plainToken, Instant expiresAt, List<ScopeJson> scopes) {

        static NewTokenJson of(NewApplicationToken t) {
            return new NewTokenJson(t.id(), t.application(), t.plainToken(), t.expiresAt(), ScopeJson.of(t.scope()));
        }
    }
}
