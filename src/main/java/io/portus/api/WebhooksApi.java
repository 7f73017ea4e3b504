package io.portus.api;

import java.util.List;

import io.portus.account.User;
import io.portus.api.CatalogJson.DeliveryJson;
import io.portus.api.CatalogJson.WebhookJson;
import io.portus.webhook.WebhookInput;
import io.portus.webhook.WebhookService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A namespace's webhooks, Portus's routes under {@code /api/v1}: {@code GET|POST /namespaces/:id/webhooks},
 * {@code GET|PUT|DELETE .../:webhook_id}, {@code PUT .../toggle_enabled}, {@code POST .../headers},
 * {@code DELETE .../headers/:header_id}, {@code GET .../deliveries}, {@code PUT .../deliveries/:delivery_id}
 * (re-send). Fields as {@code webhook[name|url|request_method|content_type|username|password|enabled]} or bare.
 */
@RestController
@RequestMapping("/api/v1/namespaces/{ns}/webhooks")
class WebhooksApi {

    private final WebhookService webhooks;

    WebhooksApi(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    List<WebhookJson> list(@ApiActor User actor, @PathVariable long ns) {
        return webhooks.list(actor, ns).stream().map(WebhookJson::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiFields({"webhook[name]",
            "webhook[url]! where deliveries are sent",
            "webhook[request_method] GET or POST",
            "webhook[content_type] application/json or application/x-www-form-urlencoded",
            "webhook[username] basic authentication",
            "webhook[password] basic authentication",
            "webhook[enabled]:boolean"})
    ResponseEntity<WebhookJson> create(@ApiActor User actor, @PathVariable long ns, ApiParams params) {
        return ResponseEntity.status(HttpStatus.CREATED).body(WebhookJson.of(webhooks.create(actor, ns, input(params))));
    }

    @GetMapping("/{id}")
    WebhookJson show(@ApiActor User actor, @PathVariable long ns, @PathVariable long id) {
        return WebhookJson.of(webhooks.get(actor, ns, id));
    }

    @PutMapping("/{id}")
    @ApiFields({"webhook[name]",
            "webhook[url]",
            "webhook[request_method] GET or POST",
            "webhook[content_type] application/json or application/x-www-form-urlencoded",
            "webhook[username]",
            "webhook[password]",
            "webhook[enabled]:boolean"})
    WebhookJson update(@ApiActor User actor, @PathVariable long ns, @PathVariable long id, ApiParams params) {
        return WebhookJson.of(webhooks.update(actor, ns, id, input(params)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@ApiActor User actor, @PathVariable long ns, @PathVariable long id) {
        webhooks.delete(actor, ns, id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/toggle_enabled")
    WebhookJson toggle(@ApiActor User actor, @PathVariable long ns, @PathVariable long id) {
        return WebhookJson.of(webhooks.toggleEnabled(actor, ns, id));
    }

    @PostMapping("/{id}/headers")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiFields({"webhook_header[name]! header name (or name)",
            "webhook_header[value]! header value (or value)"})
    ResponseEntity<WebhookJson> addHeader(@ApiActor User actor, @PathVariable long ns, @PathVariable long id,
                                          ApiParams params) {
        String name = params.optional("webhook_header[name]").orElseGet(() -> params.required("name"));
        String value = params.optional("webhook_header[value]").orElseGet(() -> params.required("value"));
        return ResponseEntity.status(HttpStatus.CREATED).body(WebhookJson.of(webhooks.addHeader(actor, ns, id, name, value)));
    }

    @DeleteMapping("/{id}/headers/{headerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> removeHeader(@ApiActor User actor, @PathVariable long ns, @PathVariable long id,
                                      @PathVariable long headerId) {
        webhooks.removeHeader(actor, ns, id, headerId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    List<DeliveryJson> deliveries(@ApiActor User actor, @PathVariable long ns, @PathVariable long id) {
        return webhooks.deliveries(actor, ns, id).stream().map(DeliveryJson::of).toList();
    }

    @PutMapping("/{id}/deliveries/{deliveryId}")
    DeliveryJson resend(@ApiActor User actor, @PathVariable long ns, @PathVariable long id, @PathVariable long deliveryId) {
        return DeliveryJson.of(webhooks.resend(actor, ns, id, deliveryId));
    }

    private static WebhookInput input(ApiParams p) {
        return new WebhookInput(field(p, "name"), field(p, "url"), field(p, "request_method"), field(p, "content_type"),
                field(p, "username"), field(p, "password"),
                p.bool("webhook[enabled]") != null ? p.bool("webhook[enabled]") : p.bool("enabled"));
    }

    private static String field(ApiParams p, String name) {
        return p.optional("webhook[" + name + "]").orElseGet(() -> p.string(name));
    }
}
