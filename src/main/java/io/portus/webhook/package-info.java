/**
 * Portus's per-namespace webhooks (docs/compatibility.md#webhooks): URL, method, content type, basic auth and custom
 * headers (secrets encrypted at rest), enabled or not; every push and delete applied to the catalog becomes
 * one stored delivery per enabled webhook of the namespace, sent in the background with retries and
 * re-sendable by hand.
 */
package io.portus.webhook;
