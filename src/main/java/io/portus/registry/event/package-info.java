/**
 * Registry events in CNCF distribution's notification envelope format (push, pull, mount, delete of
 * manifests, blobs and tags). Beans implementing {@link io.portus.registry.event.RegistryEventJournal} store
 * them inside the request, before it is answered (one database write); beans implementing
 * {@link io.portus.registry.event.RegistryEventListener} receive them asynchronously afterwards.
 */
package io.portus.registry.event;
