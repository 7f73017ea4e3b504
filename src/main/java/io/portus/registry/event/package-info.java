/**
 * Registry events in CNCF distribution's notification envelope format (push, pull, mount, delete of
 * manifests, blobs and tags). Beans implementing {@link io.portus.registry.event.RegistryEventListener}
 * receive them asynchronously, never inline in the request that caused them.
 */
package io.portus.registry.event;
