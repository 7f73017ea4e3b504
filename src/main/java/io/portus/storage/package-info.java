/**
 * Content storage for the built-in registry.
 *
 * <p>Two layers, as in CNCF distribution's {@code registry/storage}:
 * <ul>
 *   <li>{@link io.portus.storage.BlobStore} — the driver SPI: a path-addressed object store with
 *       atomic, durable puts and moves. Drivers: filesystem (distribution's on-disk layout, so an
 *       existing {@code /var/lib/registry} works as is), in-memory (tests), S3 ({@link io.portus.storage.S3BlobStore},
 *       distribution's s3 keys). Optional capabilities: {@link io.portus.storage.LocalFiles} (sendfile),
 *       {@link io.portus.storage.PresignedReads} (redirects).</li>
 *   <li>{@link io.portus.storage.RegistryStorage} — what the registry sees: blobs, upload sessions,
 *       manifests, tags, referrers and the catalog, laid out by {@link io.portus.storage.StoragePaths}
 *       on top of any driver; {@link io.portus.storage.RegistryStorages#create} makes one.</li>
 * </ul>
 * Nothing here knows HTTP, users or the database.
 */
package io.portus.storage;
