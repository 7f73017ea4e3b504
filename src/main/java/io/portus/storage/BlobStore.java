package io.portus.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The storage driver SPI: a tree of objects addressed by slash-separated paths ("/docker/registry/v2/...").
 * Small on purpose (distribution's {@code StorageDriver}): filesystem, in-memory and S3 all fit.
 *
 * <p>Contract (checked by {@code BlobStoreContract} for every driver):
 * <ul>
 *   <li>paths are absolute, '/'-separated, without "." or ".." segments or empty segments;</li>
 *   <li>{@link #putContent} and {@link #move} are atomic: a reader sees the old object or the new one,
 *       never a partial one; when they return, the change is durable (fsynced);</li>
 *   <li>a missing object is reported with {@link PathNotFoundException};</li>
 *   <li>directories exist implicitly while they hold objects; {@link #list} returns direct children.</li>
 * </ul>
 */
public interface BlobStore {

    /** Driver name, as configured ("filesystem", "inmemory", "s3"). */
    String name();

    /** Size and modification time of an object, or a directory; empty when nothing is there. */
    Optional<FileInfo> stat(String path) throws IOException;

    /**
     * True when an object (not a directory) is at {@code path}. Drivers override it when that is cheaper than
     * {@link #stat} (S3: one HEAD, where a miss of {@code stat} also lists the prefix).
     */
    default boolean isObject(String path) throws IOException {
        return stat(path).filter(i -> !i.directory()).isPresent();
    }

    /** Whole content of a small object (links, manifests). */
    byte[] getContent(String path) throws IOException;

    /** Atomically and durably replaces the object at {@code path} with {@code content}. */
    void putContent(String path, byte[] content) throws IOException;

    /** Reads an object from {@code offset}. */
    InputStream reader(String path, long offset) throws IOException;

    /**
     * Opens a writer on {@code path}; with {@code append} it continues an existing object (an upload
     * session's data), otherwise it truncates. Bytes become durable at {@link ObjectWriter#commit()}.
     */
    ObjectWriter writer(String path, boolean append) throws IOException;

    /** Full paths of the direct children of a directory, in no particular order; empty if none. */
    List<String> list(String path) throws IOException;

    /** Atomically and durably moves an object; an existing destination is replaced. */
    void move(String sourcePath, String destPath) throws IOException;

    /** Deletes an object or a whole directory tree; missing is not an error. */
    void delete(String path) throws IOException;

    /**
     * Deletes like {@link #delete} but may return before the deletion is durable: for garbage, which may come back
     * after a crash without harm (content is addressed by its digest; the next collection finds it again). Saves the
     * filesystem driver a directory fsync per deletion.
     */
    default void deleteGarbage(String path) throws IOException {
        delete(path);
    }

    /**
     * Reads {@code length} bytes of an object from {@code offset} (fewer when it ends first). Drivers
     * that fetch ranges over the network ask for exactly that range; others read from the offset.
     */
    default InputStream reader(String path, long offset, long length) throws IOException {
        return reader(path, offset);
    }

    /**
     * Removes what interrupted writes left behind that is not visible as objects (S3: multipart uploads
     * started before {@code cutoff} and never completed); returns how many. Nothing by default.
     */
    default int purgeIncompleteWrites(java.time.Instant cutoff) throws IOException {
        return 0;
    }

    /**
     * Removes the incomplete writes under the directory {@code path}, whatever their age (a purged upload
     * session's: an instance killed in the middle of a PATCH leaves one); returns how many. Nothing by default.
     */
    default int purgeIncompleteWrites(String path) throws IOException {
        return 0;
    }

    /** Metadata of an object or directory. */
    record FileInfo(String path, long size, java.time.Instant modified, boolean directory) {
    }

    /**
     * A streaming writer: {@code commit} makes the bytes durable, {@code cancel} discards them; {@code close}
     * without either keeps what was written (on object stores it completes the object then). A writer
     * that wrote nothing changes nothing.
     */
    interface ObjectWriter extends java.io.Closeable {

        void write(byte[] buf, int off, int len) throws IOException;

        /** Bytes in the object so far (including what was there before an append). */
        long size();

        /** Flushes and fsyncs; the writer stays usable until closed. */
        void commit() throws IOException;

        /** Discards the object. */
        void cancel() throws IOException;
    }
}
