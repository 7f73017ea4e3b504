/** A namespace's webhooks: list, create, toggle, delete, custom headers, and the deliveries (re-send). */
package io.portus.web.webhook;
