package io.portus.webhook;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.portus.account.User;
import io.portus.auth.policy.NamespaceFacts;
import io.portus.auth.policy.Policy;
import io.portus.auth.policy.WebhookAction;
import io.portus.common.FieldErrors;
import io.portus.common.ForbiddenException;
import io.portus.common.NotFoundException;
import io.portus.namespace.AccessFacts;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.outbound.OutboundHttp;
import io.portus.team.Role;
import io.portus.team.TeamService;
import io.portus.webhook.internal.DeliveryStore;
import io.portus.webhook.internal.SecretBox;
import io.portus.webhook.internal.WebhookStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A namespace's webhooks; who sees and changes them is the {@link Policy}'s answer (Portus: members of the
 * namespace's team and admins see them; owners and admins change them). New webhooks start disabled unless
 * {@code enabled} is given; a URL without a scheme gets {@code http://}; a URL naming an address outgoing
 * requests never reach (link-local, cloud metadata, {@code portus.outbound.denied-networks}) is refused.
 */
@Service
public class WebhookService {

    private final WebhookStore store;
    private final DeliveryStore deliveries;
    private final SecretBox secrets;
    private final NamespaceService namespaces;
    private final TeamService teams;
    private final Policy policy;
    private final ApplicationEventPublisher events;
    private final OutboundHttp outbound;

    WebhookService(WebhookStore store, DeliveryStore deliveries, SecretBox secrets, NamespaceService namespaces,
                   TeamService teams, Policy policy, ApplicationEventPublisher events, OutboundHttp outbound) {
        this.outbound = outbound;
        this.store = store;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.namespaces = namespaces;
        this.teams = teams;
        this.policy = policy;
        this.events = events;
    }

    /** Whether {@code actor} may create, change and delete the namespace's webhooks (the rule the changes check). */
    public boolean mayManage(User actor, long namespaceId) {
        try {
            manageable(actor, namespaceId);
            return true;
        } catch (ForbiddenException e) {
            return false;
        }
    }

    /** Whether {@code actor} may create and delete the namespace's webhooks ({@code user_permission.create_webhook}). */
    public boolean mayCreate(User actor, long namespaceId) {
        try {
            manageable(actor, namespaceId, WebhookAction.CREATE);
            return true;
        } catch (ForbiddenException e) {
            return false;
        }
    }

    /** Whether {@code actor} (null = anonymous) may see the webhooks of {@code ns}, for showing the link. */
    public boolean mayView(User actor, Namespace ns) {
        return actor != null && allows(WebhookAction.SHOW, actor, ns);
    }

    public List<Webhook> list(User actor, long namespaceId) {
        Namespace ns = viewable(actor, namespaceId);
        return store.ofNamespace(ns.id()).stream().map(this::view).toList();
    }

    public Webhook get(User actor, long namespaceId, long id) {
        viewable(actor, namespaceId);
        return view(row(namespaceId, id));
    }

    @Transactional
    public Webhook create(User actor, long namespaceId, WebhookInput in) {
        Namespace ns = manageable(actor, namespaceId, WebhookAction.CREATE);
        WebhookStore.Row r = merged(new WebhookStore.Row(0, ns.id(), null, null, 1, 0, null, null, false, null, null), in);
        long id = store.insert(r);
        changed("create", id, r.name(), ns, actor);
        return view(row(ns.id(), id));
    }

    @Transactional
    public Webhook update(User actor, long namespaceId, long id, WebhookInput in) {
        Namespace ns = manageable(actor, namespaceId);
        WebhookStore.Row current = row(ns.id(), id);
        WebhookStore.Row r = merged(current, in);
        store.update(r);
        changed("update", id, r.name(), ns, actor);
        if (r.enabled() != current.enabled()) {
            changed(r.enabled() ? "enabled" : "disabled", id, r.name(), ns, actor);
        }
        return view(row(ns.id(), id));
    }

    @Transactional
    public Webhook toggleEnabled(User actor, long namespaceId, long id) {
        WebhookStore.Row current = row(namespaceId, id);
        return update(actor, namespaceId, id, new WebhookInput(null, null, null, null, null, null, !current.enabled()));
    }

    @Transactional
    public void delete(User actor, long namespaceId, long id) {
        Namespace ns = manageable(actor, namespaceId, WebhookAction.CREATE);
        WebhookStore.Row r = row(ns.id(), id);
        store.delete(id);
        changed("destroy", id, r.name(), ns, actor);
    }

    @Transactional
    public Webhook addHeader(User actor, long namespaceId, long id, String name, String value) {
        manageable(actor, namespaceId);
        row(namespaceId, id);
        FieldErrors errors = new FieldErrors();
        if (name == null || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,255}")) {
            errors.add("name", "is not a valid header name");
        } else if (store.headers(id).stream().anyMatch(h -> h.name().equalsIgnoreCase(name))) {
            errors.add("name", "has already been taken");
        }
        if (value == null || value.length() > 2000 || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            errors.add("value", "must be one line of at most 2000 characters");
        }
        errors.throwIfAny();
        store.addHeader(id, name, secrets.encrypt(value));
        return view(row(namespaceId, id));
    }

    @Transactional
    public void removeHeader(User actor, long namespaceId, long id, long headerId) {
        manageable(actor, namespaceId);
        row(namespaceId, id);
        if (!store.removeHeader(id, headerId)) {
            throw new NotFoundException("Not found");
        }
    }

    public List<Delivery> deliveries(User actor, long namespaceId, long id) {
        viewable(actor, namespaceId);
        row(namespaceId, id);
        return deliveries.ofWebhook(id);
    }

    /** Queues the delivery to be sent again (Portus's {@code PUT .../deliveries/:id}). */
    @Transactional
    public Delivery resend(User actor, long namespaceId, long id, long deliveryId) {
        manageable(actor, namespaceId);
        row(namespaceId, id);
        Delivery d = deliveries.byId(deliveryId).filter(x -> x.webhookId() == id)
                .orElseThrow(() -> new NotFoundException("Not found"));
        deliveries.resend(d.id());
        return deliveries.byId(d.id()).orElseThrow();
    }

    private WebhookStore.Row merged(WebhookStore.Row r, WebhookInput in) {
        FieldErrors errors = new FieldErrors();
        String name = in.name() == null ? r.name() : in.name().trim();
        if (name == null || name.isEmpty() || name.length() > 255) {
            errors.add("name", "can't be blank (at most 255 characters)");
        }
        String url = in.url() == null ? r.url() : normalizedUrl(in.url(), errors);
        if (url == null) {
            errors.add("url", "can't be blank");
        }
        int method = in.requestMethod() == null ? r.method() : switch (in.requestMethod().trim().toUpperCase(Locale.ROOT)) {
            case "GET" -> 0;
            case "POST" -> 1;
            default -> {
                errors.add("request_method", "must be GET or POST");
                yield r.method();
            }
        };
        int contentType = in.contentType() == null ? r.contentType() : switch (in.contentType().trim()) {
            case "application/json" -> 0;
            case "application/x-www-form-urlencoded" -> 1;
            default -> {
                errors.add("content_type", "must be application/json or application/x-www-form-urlencoded");
                yield r.contentType();
            }
        };
        errors.throwIfAny();
        String username = in.username() == null ? r.username() : blankToNull(in.username());
        String password = in.password() == null ? r.passwordEnc()
                : in.password().isEmpty() ? null : secrets.encrypt(in.password());
        boolean enabled = in.enabled() == null ? r.enabled() : in.enabled();
        return new WebhookStore.Row(r.id(), r.namespaceId(), name, url, method, contentType, username, password, enabled,
                r.createdAt(), r.updatedAt());
    }

    private String normalizedUrl(String raw, FieldErrors errors) {
        String u = raw.trim();
        if (!u.contains("://")) {
            u = "http://" + u;
        }
        try {
            URI uri = URI.create(u);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || u.length() > 2000) {
                errors.add("url", "must be an http or https URL");
            } else {
                outbound.literalRefusal(uri).ifPresent(why -> errors.add("url", "can't be used: " + why));
            }
        } catch (IllegalArgumentException e) {
            errors.add("url", "must be an http or https URL");
        }
        return u;
    }

    private Webhook view(WebhookStore.Row r) {
        List<Webhook.Header> headers = store.headers(r.id()).stream()
                .map(h -> new Webhook.Header(h.id(), h.name(), secrets.decrypt(h.valueEnc()))).toList();
        return new Webhook(r.id(), r.namespaceId(), r.name(), r.url(), r.method() == 0 ? "GET" : "POST",
                r.contentType() == 0 ? "application/json" : "application/x-www-form-urlencoded", r.username(),
                r.passwordEnc() != null, r.enabled(), headers, r.createdAt(), r.updatedAt());
    }

    private WebhookStore.Row row(long namespaceId, long id) {
        return store.byId(id).filter(r -> r.namespaceId() == namespaceId).orElseThrow(() -> new NotFoundException("Not found"));
    }

    private Namespace viewable(User actor, long namespaceId) {
        Namespace ns = namespaces.show(actor, namespaceId);
        if (!allows(WebhookAction.SHOW, actor, ns)) {
            throw new ForbiddenException("Authorization fails");
        }
        return ns;
    }

    private Namespace manageable(User actor, long namespaceId) {
        return manageable(actor, namespaceId, WebhookAction.MANAGE);
    }

    private Namespace manageable(User actor, long namespaceId, WebhookAction action) {
        Namespace ns = namespaces.show(actor, namespaceId);
        if (!allows(action, actor, ns)) {
            throw new ForbiddenException("Authorization fails");
        }
        return ns;
    }

    private boolean allows(WebhookAction action, User actor, Namespace ns) {
        Role role = teams.roleOf(ns.teamId(), actor.id()).orElse(null);
        return policy.allows(action, NamespaceFacts.of(actor,
                new AccessFacts(ns.id(), ns.global(), ns.visibility(), ns.personalUserId(), role)));
    }

    private void changed(String change, long id, String name, Namespace ns, User actor) {
        events.publishEvent(new WebhookChanged(change, id, name, ns.id(), ns.name(), actor.id(), actor.username()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
