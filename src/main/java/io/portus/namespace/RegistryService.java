package io.portus.namespace;

import io.portus.account.User;
import io.portus.common.FieldErrors;
import io.portus.common.NotFoundException;
import io.portus.namespace.internal.NamespaceUpkeep;
import io.portus.namespace.internal.RegistryProbe;
import io.portus.namespace.internal.RegistryStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Registries (admins only, checked by the caller): the built-in one is registered at start-up; external
 * CNCF distribution registries are added as by Portus's "New Registry" form (name, hostname with port,
 * use_ssl, external hostname; a {@code GET /v2/} reachability check unless forced). Each new registry gets
 * its global namespace and a personal namespace for every user. Changes publish {@link RegistryChanged}.
 */
@Service
public class RegistryService {

    private static final Pattern HOST = Pattern.compile("(?:[a-z0-9]([a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
            + "|\\[[0-9a-f:.]+\\])(?::[0-9]{1,5})?");

    private final RegistryStore store;
    private final NamespaceUpkeep upkeep;
    private final RegistryProbe probe;
    private final ApplicationEventPublisher events;

    RegistryService(RegistryStore store, NamespaceUpkeep upkeep, RegistryProbe probe, ApplicationEventPublisher events) {
        this.store = store;
        this.upkeep = upkeep;
        this.probe = probe;
        this.events = events;
    }

    public List<Registry> list() {
        return store.list();
    }

    public Optional<Registry> find(long id) {
        return store.byId(id);
    }

    public Registry get(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("Not found"));
    }

    public Optional<Registry> builtin() {
        return store.builtin();
    }

    /** The registry a token request's {@code service} names: by hostname, then external hostname. */
    public Optional<Registry> byService(String service) {
        if (service == null || service.isBlank()) {
            return Optional.empty();
        }
        return store.byHostnameOrExternal(service.trim().toLowerCase(Locale.ROOT));
    }

    /** Where namespaces go when no registry is named: the first external registry, else the built-in one. */
    public Registry defaultRegistry() {
        List<Registry> all = store.list();
        return all.stream().filter(r -> !r.builtin()).findFirst()
                .or(() -> all.stream().findFirst())
                .orElseThrow(() -> new NotFoundException("No registry has been configured"));
    }

    /** Registers an external registry on behalf of Portus itself (operator commands, tests). */
    @Transactional
    public Registry create(String name, String hostname, boolean useSsl, String externalHostname, boolean force) {
        return create(null, name, hostname, useSsl, externalHostname, force);
    }

    /** @param actor the admin registering it (null = Portus itself) */
    @Transactional
    public Registry create(User actor, String name, String hostname, boolean useSsl, String externalHostname,
                           boolean force) {
        String host = normalizeHost(hostname);
        String external = normalizeHost(externalHostname);
        FieldErrors errors = validate(name, host, external, 0);
        if (errors.isEmpty() && !force) {
            probe.problem(host, useSsl).ifPresent(p -> errors.add("hostname", p));
        }
        errors.throwIfAny();
        long id = store.insert(name.trim(), host, useSsl, external, false);
        Registry registry = get(id);
        upkeep.setUpRegistry(registry);
        publish("create", registry, actor);
        return registry;
    }

    /** Partial update (null = unchanged); the reachability check runs when the address changes. */
    @Transactional
    public Registry update(User actor, long id, String name, String hostname, Boolean useSsl, String externalHostname,
                           boolean force) {
        Registry current = get(id);
        String n = name == null ? current.name() : name;
        String host = hostname == null ? current.hostname() : normalizeHost(hostname);
        boolean ssl = useSsl == null ? current.useSsl() : useSsl;
        String external = externalHostname == null ? current.externalHostname() : normalizeHost(externalHostname);
        FieldErrors errors = validate(n, host, external, id);
        boolean moved = !host.equals(current.hostname()) || ssl != current.useSsl();
        if (errors.isEmpty() && moved && !force && !current.builtin()) {
            probe.problem(host, ssl).ifPresent(p -> errors.add("hostname", p));
        }
        errors.throwIfAny();
        store.update(id, n.trim(), host, ssl, external);
        Registry updated = get(id);
        if (!updated.name().equals(current.name()) || !updated.hostname().equals(current.hostname())
                || updated.useSsl() != current.useSsl()
                || !java.util.Objects.equals(updated.externalHostname(), current.externalHostname())) {
            publish("update", updated, actor);
        }
        return updated;
    }

    /**
     * What creating this registry would say, without creating it (Portus's {@code GET /api/v1/registries/validate}):
     * messages per field, and the reachability of {@code GET /v2/} under {@code hostname} unless {@code only} is
     * given without {@code hostname}. {@code only} (null = every field) keeps the messages of those fields.
     */
    public Map<String, List<String>> check(String name, String hostname, boolean useSsl, String externalHostname,
                                           Set<String> only) {
        String host = normalizeHost(hostname);
        FieldErrors errors = validate(name, host, normalizeHost(externalHostname), 0);
        Map<String, List<String>> messages = errors.messages();
        if ((only == null || only.contains("hostname")) && !messages.containsKey("hostname")) {
            probe.problem(host, useSsl).ifPresent(p -> messages.put("hostname", List.of(p)));
        }
        if (only != null) {
            messages.keySet().retainAll(only);
        }
        return messages;
    }

    /**
     * Registers the built-in registry under {@code service} (its hostname), or moves it there; creates its
     * global and personal namespaces the first time.
     */
    @Transactional
    public Registry registerBuiltin(String name, String service) {
        String host = normalizeHost(service);
        Optional<Registry> existing = store.builtin();
        if (existing.isPresent()) {
            Registry r = existing.get();
            if (!r.hostname().equals(host)) {
                validate(r.name(), host, r.externalHostname(), r.id()).throwIfAny();
                store.update(r.id(), r.name(), host, r.useSsl(), r.externalHostname());
                publish("update", get(r.id()), null);
            }
            return get(r.id());
        }
        String n = store.nameTaken(name, 0) ? name + " (built-in)" : name;
        validate(n, host, null, 0).throwIfAny();
        long id = store.insert(n, host, false, null, true);
        Registry registry = get(id);
        upkeep.setUpRegistry(registry);
        publish("create", registry, null);
        return registry;
    }

    private void publish(String change, Registry registry, User actor) {
        events.publishEvent(actor == null ? new RegistryChanged(change, registry, null, User.PORTUS)
                : new RegistryChanged(change, registry, actor.id(), actor.username()));
    }

    private FieldErrors validate(String name, String host, String external, long exceptId) {
        FieldErrors errors = new FieldErrors();
        if (name == null || name.isBlank()) {
            errors.add("name", "can't be blank");
        } else if (name.trim().length() > 255) {
            errors.add("name", "is too long (maximum is 255 characters)");
        } else if (store.nameTaken(name.trim(), exceptId)) {
            errors.add("name", "has already been taken");
        }
        if (host == null) {
            errors.add("hostname", "can't be blank");
        } else if (!HOST.matcher(host).matches() || host.length() > 255) {
            errors.add("hostname", "is not a host name with an optional port (e.g. registry.example.com:5000)");
        } else if (store.hostnameTaken(host, exceptId)) {
            errors.add("hostname", "has already been taken");
        }
        if (external != null && (!HOST.matcher(external).matches() || external.length() > 255)) {
            errors.add("external_hostname", "is not a host name with an optional port");
        }
        return errors;
    }

    private static String normalizeHost(String host) {
        return host == null || host.isBlank() ? null : host.trim().toLowerCase(Locale.ROOT);
    }
}
