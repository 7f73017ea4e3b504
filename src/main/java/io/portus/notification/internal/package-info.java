/** The outbox table, the recorder that fills it and the per-endpoint delivery loops. */
package io.portus.notification.internal;
