package io.portus.activity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.portus.account.ApplicationTokenChanged;
import io.portus.account.User;
import io.portus.account.UserAdminChanged;
import io.portus.account.UserCreated;
import io.portus.account.UserDeleted;
import io.portus.account.UserEnabledChanged;
import io.portus.activity.Activity;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Activities of accounts and registries, in the transaction of the change: {@code user.create},
 * {@code user.delete}, {@code user.toggle_admin}, {@code user.toggle_enabled}, {@code application_token.create},
 * {@code application_token.destroy} (docs/compatibility.md#activities), {@code registry.create}, {@code registry.update}.
 * They belong to no namespace or team: admins see them, and the user who acted.
 */
@Component
class AccountActivityRecorder {

    private final ActivityStore store;

    AccountActivityRecorder(ActivityStore store) {
        this.store = store;
    }

    @EventListener
    void on(UserCreated e) {
        user("user.create", e.user(), e.actorId(), e.actorName(), params(e.user(), "admin", Boolean.toString(e.user().admin()),
                "bot", Boolean.toString(e.user().bot())));
    }

    @EventListener
    void on(UserAdminChanged e) {
        user("user.toggle_admin", e.user(), e.actorId(), e.actorName(), params(e.user(), "admin",
                Boolean.toString(e.user().admin())));
    }

    @EventListener
    void on(UserEnabledChanged e) {
        user("user.toggle_enabled", e.user(), e.actorId(), e.actorName(), params(e.user(), "enabled",
                Boolean.toString(e.user().enabled())));
    }

    @EventListener
    void on(UserDeleted e) {
        store.insert(new Activity(0, "user.delete", e.actorId(), e.actorName(), "User", e.userId(), e.username(),
                null, null, null, null, null, Map.of("username", e.username()), null));
    }

    @EventListener
    void on(ApplicationTokenChanged e) {
        store.insert(new Activity(0, "application_token." + e.change(), e.actorId(), e.actorName(), "ApplicationToken",
                e.tokenId(), e.application(), "User", e.ownerId(), e.ownerName(), null, null,
                Map.of("application", e.application(), "owner", e.ownerName()), null));
    }

    @EventListener
    void on(RegistryChanged e) {
        Registry r = e.registry();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("registry_name", r.name());
        p.put("hostname", r.hostname());
        p.put("use_ssl", Boolean.toString(r.useSsl()));
        if (r.externalHostname() != null) {
            p.put("external_hostname", r.externalHostname());
        }
        store.insert(new Activity(0, "registry." + e.change(), e.actorId(), e.actorName(), "Registry", r.id(), r.name(),
                null, null, null, null, null, p, null));
    }

    private void user(String key, User user, Long actorId, String actorName, Map<String, String> params) {
        store.insert(new Activity(0, key, actorId, actorName, "User", user.id(), user.username(), null, null, null,
                null, null, params, null));
    }

    private static Map<String, String> params(User user, String... more) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("username", user.username());
        for (int i = 0; i + 1 < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }
}
