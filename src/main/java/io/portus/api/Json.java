package io.portus.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portus.account.Logins;
import io.portus.account.User;
import io.portus.namespace.Namespace;
import io.portus.namespace.Registry;
import io.portus.rules.NamespaceRules;
import io.portus.team.Team;
import io.portus.team.TeamMember;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The API's JSON entities, shaped as Portus's Grape entities ({@code lib/api/entities.rb}). */
final class Json {

    private Json() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UserJson(long id, String username, String email, Instant currentSignInAt, Instant lastSignInAt,
                    Instant createdAt, Instant updatedAt, boolean admin, boolean enabled, Instant lockedAt,
                    Long namespaceId, String displayName, boolean bot) {

        static UserJson of(User u) {
            Instant lockedAt = u.lockedUntil() == null ? null : u.lockedUntil().minus(Logins.LOCK_TIME);
            return new UserJson(u.id(), u.username(), u.email(), null, null, u.createdAt(), u.updatedAt(), u.admin(),
                    u.enabled(), lockedAt, u.namespaceId(), u.displayName(), u.bot());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TeamJson(long id, String name, Instant createdAt, Instant updatedAt, String description, boolean hidden) {

        static TeamJson of(Team t) {
            return new TeamJson(t.id(), t.name(), t.createdAt(), t.updatedAt(), t.description(), t.hidden());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MemberJson(long id, long teamId, long userId, String username, Instant createdAt, Instant updatedAt,
                      String role, String displayName) {

        static MemberJson of(TeamMember m) {
            return new MemberJson(m.id(), m.teamId(), m.userId(), m.username(), m.createdAt(), m.updatedAt(),
                    m.role().apiName(), m.displayName() == null ? m.username() : m.displayName());
        }
    }

    record TeamRef(long id, String name, boolean hidden) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NamespaceJson(long id, String name, Instant createdAt, Instant updatedAt, String description, TeamRef team,
                         String visibility, boolean global, long registryId, boolean immutableTags,
                         String immutableTagsPattern, Long quotaBytes, long usedBytes) {

        /**
         * Portus shows the registry's hostname as the name of a global namespace ({@code clean_name}); beyond
         * Portus, the rules and usage of issue #11 ({@code quota_bytes} null = unlimited).
         */
        static NamespaceJson of(Namespace n, String registryHostname, NamespaceRules rules) {
            return new NamespaceJson(n.id(), n.global() ? registryHostname : n.name(), n.createdAt(), n.updatedAt(),
                    n.description(), new TeamRef(n.teamId(), n.teamName(), n.teamHidden()), n.visibility().apiName(),
                    n.global(), n.registryId(), rules.immutableTags(), rules.immutableTagsPattern(), rules.quotaBytes(),
                    rules.usedBytes());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RegistryJson(long id, String name, String hostname, String externalHostname, boolean useSsl, boolean builtin,
                        Instant createdAt, Instant updatedAt) {

        static RegistryJson of(Registry r) {
            return new RegistryJson(r.id(), r.name(), r.hostname(), r.externalHostname(), r.useSsl(), r.builtin(),
                    r.createdAt(), r.updatedAt());
        }
    }

    /** Portus's {@code API::Entities::Status}: the answer of the {@code validate} endpoints. */
    record StatusJson(boolean valid, Map<String, List<String>> messages) {

        static StatusJson of(Map<String, List<String>> messages) {
            return new StatusJson(messages.isEmpty(), messages);
        }
    }

    /** Portus's {@code API::Entities::Version}. */
    record VersionJson(@JsonProperty("api-versions") List<String> apiVersions, Map<String, String> git,
                       String version) {
    }
}
