package io.portus.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A streaming writer of one S3 object. Bytes collect in one buffer of {@code chunkSize}; a full buffer
 * becomes a part of a multipart upload; {@link #commit()} or {@link #close()} completes the upload (or,
 * when everything fits one buffer, writes a single PutObject), so the object is always whole and
 * normal: the next append may come from another instance. An append continues an existing object: it
 * becomes the first part (UploadPartCopy when at least 5 MiB, else its bytes are read into the buffer).
 * A writer that wrote nothing changes nothing (an append writer opened only for {@link #size()}).
 * {@link #cancel()} aborts the upload and deletes the object. While one part uploads (on a virtual thread)
 * the next one fills: heap is at most two part buffers per writer.
 */
final class S3Writer implements BlobStore.ObjectWriter {

    private static final int FIRST_BUFFER = 256 * 1024;
    private static final ExecutorService PART_UPLOADS = Executors.newVirtualThreadPerTaskExecutor();

    private final S3Client s3;
    private final S3Options options;
    private final String key;
    private final String path;
    private final int chunkSize;
    private long existing;
    private long size;
    private boolean dirty;
    private boolean started;
    private boolean finished;
    private byte[] buffer;
    private int buffered;
    private String uploadId;
    private final List<CompletedPart> parts = new ArrayList<>();
    private CompletableFuture<CompletedPart> inFlight;
    private byte[] inFlightBuffer;
    private byte[] spare;

    /** {@code existing} bytes are continued; with {@code truncate} the object is replaced even if nothing is written. */
    S3Writer(S3Client s3, S3Options options, String key, String path, long existing, boolean truncate) {
        this.s3 = s3;
        this.options = options;
        this.key = key;
        this.path = path;
        this.chunkSize = (int) options.chunkSize();
        this.existing = existing;
        this.size = existing;
        this.dirty = truncate;
        this.started = truncate; // nothing to continue
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        if (finished) {
            throw new IOException("writer of " + path + " is closed");
        }
        java.util.Objects.checkFromIndexSize(off, len, buf.length);
        if (len == 0) {
            return;
        }
        try {
            if (!started) {
                continueExisting();
            }
            dirty = true;
            while (len > 0) {
                ensureCapacity(len);
                int n = Math.min(len, chunkSize - buffered);
                System.arraycopy(buf, off, buffer, buffered, n);
                buffered += n;
                off += n;
                len -= n;
                size += n;
                if (buffered == chunkSize) {
                    uploadBuffer();
                }
            }
        } catch (SdkException e) {
            fail();
            throw S3Errors.map("UploadPart", path, e);
        } catch (IOException | RuntimeException e) {
            fail();
            throw e;
        }
    }

    /** After a failed write the object stays as it was before this writer: close() must not complete a part. */
    private void fail() {
        finished = true;
        abortQuietly();
        buffer = null;
        spare = null;
        inFlightBuffer = null;
    }

    @Override
    public long size() {
        return size;
    }

    /** Completes what was written so far; later writes append to that object. */
    @Override
    public void commit() throws IOException {
        if (finished) {
            throw new IOException("writer of " + path + " is closed");
        }
        complete();
    }

    @Override
    public void cancel() throws IOException {
        finished = true;
        buffer = null;
        abortQuietly();
        try {
            s3.deleteObject(b -> b.bucket(options.bucket()).key(key));
        } catch (SdkException e) {
            throw S3Errors.map("DeleteObject", path, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        try {
            complete();
        } finally {
            finished = true;
            buffer = null;
            spare = null;
        }
    }

    private void complete() throws IOException {
        if (!dirty) {
            return;
        }
        try {
            if (uploadId == null) {
                byte[] b = buffer == null ? new byte[0] : buffer;
                int n = buffered;
                s3.putObject(r -> r.bucket(options.bucket()).key(key).contentType(S3Options.CONTENT_TYPE)
                        .storageClass(options.storageClass().orElse(null)),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(b, 0, n), n, "application/octet-stream"));
            } else {
                if (buffered > 0) {
                    uploadBuffer();
                }
                awaitInFlight();
                String id = uploadId;
                s3.completeMultipartUpload(r -> r.bucket(options.bucket()).key(key).uploadId(id)
                        .multipartUpload(m -> m.parts(parts)));
            }
        } catch (SdkException e) {
            abortQuietly();
            finished = true;
            throw S3Errors.map(uploadId == null ? "PutObject" : "CompleteMultipartUpload", path, e);
        }
        existing = size;
        started = false;
        dirty = false;
        buffered = 0;
        uploadId = null;
        parts.clear();
    }

    /** The existing object becomes the start of the new one. */
    private void continueExisting() throws IOException {
        started = true;
        if (existing == 0) {
            return;
        }
        if (existing >= S3Options.MIN_CHUNK_SIZE) {
            createUpload();
            for (long[] range : S3Copies.copyRanges(existing)) {
                String id = uploadId;
                int number = parts.size() + 1;
                var r = s3.uploadPartCopy(b -> b.sourceBucket(options.bucket()).sourceKey(key)
                        .destinationBucket(options.bucket()).destinationKey(key).uploadId(id).partNumber(number)
                        .copySourceRange("bytes=" + range[0] + "-" + range[1]));
                parts.add(CompletedPart.builder().partNumber(number).eTag(r.copyPartResult().eTag()).build());
            }
            return;
        }
        byte[] old = s3.getObjectAsBytes(b -> b.bucket(options.bucket()).key(key)).asByteArray();
        if (old.length != existing) {
            throw new IOException("S3 object " + path + " changed while being appended to");
        }
        ensureCapacity(old.length);
        System.arraycopy(old, 0, buffer, 0, old.length);
        buffered = old.length;
    }

    /** Sends the buffer as the next part, in the background; waits for the part before it first. */
    private void uploadBuffer() {
        if (uploadId == null) {
            createUpload();
        }
        awaitInFlight();
        byte[] b = buffer;
        int n = buffered;
        int number = parts.size() + 1;
        String id = uploadId;
        inFlight = CompletableFuture.supplyAsync(() -> {
            var r = s3.uploadPart(p -> p.bucket(options.bucket()).key(key).uploadId(id).partNumber(number),
                    RequestBody.fromContentProvider(() -> new ByteArrayInputStream(b, 0, n), n, "application/octet-stream"));
            return CompletedPart.builder().partNumber(number).eTag(r.eTag()).build();
        }, PART_UPLOADS);
        inFlightBuffer = b;
        buffer = spare;
        spare = null;
        buffered = 0;
    }

    /** The part uploading in the background is done (its buffer is free again), or its failure is thrown. */
    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        try {
            parts.add(inFlight.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof SdkException s) {
                throw s;
            }
            throw e;
        } finally {
            inFlight = null;
            spare = inFlightBuffer;
            inFlightBuffer = null;
        }
    }

    private void createUpload() {
        uploadId = s3.createMultipartUpload(b -> b.bucket(options.bucket()).key(key).contentType(S3Options.CONTENT_TYPE)
                .storageClass(options.storageClass().orElse(null))).uploadId();
    }

    private void ensureCapacity(int more) {
        if (buffer == null && uploadId != null) {
            buffer = new byte[chunkSize]; // parts are full-size from now on
        }
        int needed = Math.min(chunkSize, buffered + more);
        if (buffer == null || buffer.length < needed) {
            int capacity = buffer == null ? FIRST_BUFFER : buffer.length;
            while (capacity < needed) {
                capacity = (int) Math.min(chunkSize, capacity * 2L);
            }
            byte[] grown = new byte[Math.min(chunkSize, capacity)];
            if (buffer != null) {
                System.arraycopy(buffer, 0, grown, 0, buffered);
            }
            buffer = grown;
        }
    }

    private void abortQuietly() {
        if (inFlight != null) {
            try {
                inFlight.join();
            } catch (CompletionException | java.util.concurrent.CancellationException ignored) {
                // the upload is aborted anyway
            }
            inFlight = null;
        }
        String id = uploadId;
        uploadId = null;
        parts.clear();
        if (id != null) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(options.bucket()).key(key).uploadId(id));
            } catch (SdkException ignored) {
                // left for the purge of incomplete uploads
            }
        }
    }
}
