/**
 * Online garbage collection of the built-in registry's storage (issue #11, docs/garbage-collection.md):
 * {@link io.portus.gc.GcService} starts a collection (one at a time across instances), lists runs and their
 * progress; {@link io.portus.gc.GcProperties} are the {@code portus.gc.*} settings. The mark and sweep work on
 * the {@link io.portus.storage.BlobStore} SPI (filesystem and S3 alike) and coordinate with pushes through the
 * database ({@code blob_touches}, {@code gc_deletions}); the registry side is the {@link io.portus.storage.ContentGuard}
 * this module provides.
 */
package io.portus.gc;
