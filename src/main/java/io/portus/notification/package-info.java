/**
 * Outgoing registry notifications of the built-in registry, configured like CNCF distribution's
 * {@code notifications.endpoints} ({@link io.portus.notification.NotificationProperties}) or by the classic
 * {@code ENDPOINT_*} variables: every event is queued durably per endpoint and delivered in order, with
 * retries and backoff, surviving restarts.
 */
package io.portus.notification;
