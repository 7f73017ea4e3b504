package io.portus.activity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.portus.activity.Activity;
import io.portus.catalog.CatalogEvents.Place;
import io.portus.catalog.CatalogEvents.RepositoryDeleted;
import io.portus.catalog.CatalogEvents.TagDeleted;
import io.portus.catalog.CatalogEvents.TagPushed;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceChanged;
import io.portus.namespace.NamespaceCreated;
import io.portus.namespace.NamespaceDeleted;
import io.portus.rules.NamespaceRulesChanged;
import io.portus.team.TeamChanged;
import io.portus.team.TeamDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns domain events into activities with Portus's keys (docs/compatibility.md#activities), in the transaction of the
 * change: {@code repository.push} / {@code repository.delete} (recipient: the tag), {@code namespace.delete}
 * (a repository was removed), {@code namespace.create|change_*}, {@code registry.delete} (a namespace was
 * removed), {@code team.*}, {@code registry.remove_team} (a team was removed).
 */
@Component
class ActivityRecorder {

    private final ActivityStore store;

    ActivityRecorder(ActivityStore store) {
        this.store = store;
    }

    @EventListener
    void on(TagPushed e) {
        store.insert(repository("repository.push", e.place(), e.actorId(), e.actorName(), "Tag", e.tagId(), e.tag(),
                params(e.place(), "tag_name", e.tag(), "digest", e.digest())));
    }

    @EventListener
    void on(TagDeleted e) {
        store.insert(repository("repository.delete", e.place(), e.actorId(), e.actorName(), "Tag", e.tagId(), e.tag(),
                params(e.place(), "tag_name", e.tag(), "digest", e.digest())));
    }

    @EventListener
    void on(RepositoryDeleted e) {
        Place p = e.place();
        store.insert(new Activity(0, "namespace.delete", e.actorId(), e.actorName(), "Namespace", p.namespaceId(),
                p.namespace(), "Repository", p.repositoryId(), p.repository(), p.namespaceId(), null,
                params(p), null));
    }

    @EventListener
    void on(NamespaceCreated e) {
        Namespace n = e.namespace();
        store.insert(new Activity(0, "namespace.create", e.actorId(), e.actorName(), "Namespace", n.id(), n.name(),
                "Team", n.teamId(), n.teamName(), n.id(), n.teamId(), Map.of("namespace_name", n.name()), null));
    }

    @EventListener
    void on(NamespaceChanged e) {
        Namespace n = e.namespace();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("namespace_name", n.name());
        if (e.previous() != null) {
            p.put("old", e.previous());
        }
        p.put("new", switch (e.change()) {
            case "change_team" -> n.teamName();
            case "change_visibility" -> n.visibility().apiName();
            case "change_namespace_description" -> n.description() == null ? "" : n.description();
            default -> n.name();
        });
        store.insert(new Activity(0, "namespace." + e.change(), e.actorId(), e.actorName(), "Namespace", n.id(),
                n.name(), null, null, null, n.id(), n.teamId(), p, null));
    }

    /** {@code namespace.change_rules}: immutable tags or quota changed; old and new values as parameters. */
    @EventListener
    void on(NamespaceRulesChanged e) {
        Namespace n = e.namespace();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("namespace_name", n.name());
        p.put("immutable_tags", e.before().immutableTags() + " -> " + e.after().immutableTags());
        p.put("immutable_tags_pattern", text(e.before().immutableTagsPattern()) + " -> "
                + text(e.after().immutableTagsPattern()));
        p.put("quota_bytes", text(e.before().quotaBytes()) + " -> " + text(e.after().quotaBytes()));
        store.insert(new Activity(0, "namespace.change_rules", e.actorId(), e.actorName(), "Namespace", n.id(),
                n.name(), null, null, null, n.id(), n.teamId(), p, null));
    }

    private static String text(Object value) {
        return value == null ? "none" : value.toString();
    }

    @EventListener
    void on(NamespaceDeleted e) {
        Namespace n = e.namespace();
        store.insert(new Activity(0, "registry.delete", e.actorId(), e.actorName(), "Registry", n.registryId(),
                e.registryName(), "Namespace", n.id(), n.name(), n.id(), n.teamId(),
                Map.of("namespace_name", n.name(), "team", n.teamName()), null));
    }

    @EventListener
    void on(TeamDeleted e) {
        store.insert(new Activity(0, "registry.remove_team", e.actorId(), e.actorName(), "Team", e.teamId(),
                e.teamName(), null, null, null, null, e.teamId(), Map.of("team", e.teamName()), null));
    }

    @EventListener
    void on(TeamChanged e) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("team", e.teamName());
        if (e.role() != null) {
            p.put("role", e.role().apiName());
        }
        store.insert(new Activity(0, "team." + e.change(), e.actorId(), e.actorName(), "Team", e.teamId(), e.teamName(),
                e.member() == null ? null : "User", null, e.member(), null, e.teamId(), p, null));
    }

    @EventListener
    void on(io.portus.webhook.WebhookChanged e) {
        store.insert(new Activity(0, "webhook." + e.change(), e.actorId(), e.actorName(), "Webhook", e.webhookId(),
                e.webhookName(), "Namespace", e.namespaceId(), e.namespaceName(), e.namespaceId(), null,
                Map.of("namespace_name", e.namespaceName()), null));
    }

    private static Activity repository(String key, Place p, Long actorId, String actorName, String recipientType,
                                       long recipientId, String recipientName, Map<String, String> params) {
        return new Activity(0, key, actorId, actorName, "Repository", p.repositoryId(), p.repository(), recipientType,
                recipientId, recipientName, p.namespaceId(), null, params, null);
    }

    private static Map<String, String> params(Place p, String... more) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("namespace_name", p.namespace());
        m.put("repository_name", p.repository());
        for (int i = 0; i + 1 < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }
}
