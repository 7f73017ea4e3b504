/** Webhook tables, secret encryption, the catalog-event trigger and the delivery worker. */
package io.portus.webhook.internal;
