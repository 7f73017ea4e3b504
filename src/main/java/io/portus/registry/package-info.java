/**
 * The built-in OCI distribution v1.1 registry at {@code /v2/}.
 *
 * <p>Public API of the module: {@link io.portus.registry.AccessController} (who may do what, implemented
 * by the token service or {@link io.portus.registry.OpenAccessController}), {@link
 * io.portus.registry.RegistryProperties} (typed {@code portus.registry.*} settings), {@link
 * io.portus.registry.ManifestDeletes} (deletes with their events for callers other than HTTP clients, e.g. the
 * catalog acting for a user who is named only as the events' actor) and the events of
 * {@code io.portus.registry.event}. The HTTP handling (router, handlers, error envelope, metrics, debug
 * server) lives in {@code io.portus.registry.internal}. Nothing here knows users, teams or the UI.
 */
package io.portus.registry;
