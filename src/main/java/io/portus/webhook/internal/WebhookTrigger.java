package io.portus.webhook.internal;

import io.portus.catalog.CatalogEvents.Place;
import io.portus.catalog.CatalogEvents.TagDeleted;
import io.portus.catalog.CatalogEvents.TagPushed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A push or delete applied from a registry event queues one delivery per enabled webhook of the namespace
 * (in the same transaction), with the raw registry event as body, as Portus sends it.
 */
@Component
class WebhookTrigger {

    private final WebhookStore webhooks;
    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;

    WebhookTrigger(WebhookStore webhooks, DeliveryStore deliveries, DeliveryWorker worker) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.worker = worker;
    }

    @EventListener
    void on(TagPushed e) {
        queue(e.place(), e.registryEvent());
    }

    @EventListener
    void on(TagDeleted e) {
        queue(e.place(), e.registryEvent());
    }

    private void queue(Place place, String registryEvent) {
        if (registryEvent == null) {
            return;
        }
        boolean any = false;
        for (WebhookStore.Row w : webhooks.ofNamespace(place.namespaceId())) {
            if (w.enabled()) {
                deliveries.queue(w.id(), registryEvent);
                any = true;
            }
        }
        if (any) {
            worker.wakeUp();
        }
    }
}
