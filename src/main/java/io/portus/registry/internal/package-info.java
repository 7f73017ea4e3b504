/**
 * The HTTP side of the registry: {@link io.portus.registry.internal.RegistryFilter} hands every path that
 * {@link io.portus.registry.internal.V2Router} recognises to {@link
 * io.portus.registry.internal.RegistryDispatcher}, which checks access and calls one handler per endpoint
 * family (base, catalog, tags, manifests, blobs, uploads, referrers), as distribution's
 * {@code registry/handlers} does. Requests Tomcat refuses or breaks before the registry can answer get the
 * same envelope from {@link io.portus.registry.internal.RegistryErrorReportValve} and {@link
 * io.portus.registry.internal.RegistryErrorPageFilter}. Also: the error envelope, Range logic, manifest parsing, the event
 * dispatcher, metrics, the debug server and the upload purge job.
 */
package io.portus.registry.internal;
