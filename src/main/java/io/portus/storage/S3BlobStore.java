package io.portus.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A {@link BlobStore} on one S3 bucket, with the keys of distribution's s3 driver:
 * {@code trimLeft(trimRight(rootdirectory, "/") + path, "/")}, so {@code <rootdirectory>/docker/registry/v2/...}.
 * Directories are implicit (a prefix with at least one key); keys ending in '/' (directory markers some
 * servers list) are ignored, and deleted after the keys inside them.
 *
 * <p>{@link #putContent} is one PutObject (atomic); {@link #move} a server-side copy (multipart above
 * 5 GiB) then a delete of the source; a tree is deleted by listing it and DeleteObjects in batches of
 * 1000 ({@link S3Trees}). Writers stream as multipart uploads in parts of {@link S3Options#chunkSize()} (see {@link S3Writer}).
 * Errors are mapped by {@link S3Errors}.
 */
public final class S3BlobStore implements BlobStore, PresignedReads, AutoCloseable {

    static final long MAX_COPY_PART = 5L * 1024 * 1024 * 1024;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final S3Options options;
    private final String root;
    private final S3Trees trees;

    S3BlobStore(S3Client s3, S3Presigner presigner, S3Options options) {
        this.s3 = s3;
        this.presigner = presigner;
        this.options = options;
        this.root = options.rootDirectory().replaceAll("/+$", "");
        this.trees = new S3Trees(s3, options.bucket());
    }

    /** A store on the bucket of {@code options}, with its own SDK clients (closed by {@link #close()}). */
    public static S3BlobStore open(S3Options options) {
        return new S3BlobStore(S3Clients.client(options), S3Clients.presigner(options), options);
    }

    public S3Options options() {
        return options;
    }

    @Override
    public String name() {
        return "s3";
    }

    /** Fails unless the bucket exists and these credentials may use it (HeadBucket). */
    public void checkBucket() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(options.bucket()));
        } catch (SdkException e) {
            if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s && s.statusCode() == 404) {
                throw new IOException("the " + options.describe() + " does not exist (it is never created: create it first)", e);
            }
            throw S3Errors.map("HeadBucket", "/", e);
        }
    }

    // ---- keys -------------------------------------------------------------------------------

    /** distribution's {@code s3Path}: the key of a storage path. */
    String key(String path) {
        StoragePaths.validate(path);
        return (root + path).replaceAll("^/+", "");
    }

    /** The prefix of everything under a directory path ("" for the root of an empty rootdirectory). */
    private String dirPrefix(String path) {
        String k = key(path);
        return k.isEmpty() || k.endsWith("/") ? k : k + "/";
    }

    private static String child(String path, String prefix, String key) {
        String rest = key.substring(prefix.length());
        int slash = rest.indexOf('/');
        return (path.equals("/") ? "" : path) + "/" + (slash < 0 ? rest : rest.substring(0, slash));
    }

    // ---- BlobStore --------------------------------------------------------------------------

    @Override
    public Optional<FileInfo> stat(String path) throws IOException {
        String key = key(path);
        if (!path.equals("/")) {
            Optional<HeadObjectResponse> head = head(key, path);
            if (head.isPresent()) {
                return Optional.of(new FileInfo(path, head.get().contentLength(), head.get().lastModified(), false));
            }
        }
        Optional<S3Object> inside = firstKeyUnder(dirPrefix(path), path);
        if (inside.isEmpty() && !path.equals("/")) {
            return Optional.empty();
        }
        return Optional.of(new FileInfo(path, 0, inside.map(S3Object::lastModified).orElse(Instant.EPOCH), true));
    }

    @Override
    public boolean isObject(String path) throws IOException {
        return !path.equals("/") && head(key(path), path).isPresent();
    }

    @Override
    public byte[] getContent(String path) throws IOException {
        String key = key(path);
        try {
            return s3.getObjectAsBytes(b -> b.bucket(options.bucket()).key(key)).asByteArray();
        } catch (SdkException e) {
            throw S3Errors.map("GetObject", path, e);
        }
    }

    @Override
    public void putContent(String path, byte[] content) throws IOException {
        String key = key(path);
        try {
            s3.putObject(b -> b.bucket(options.bucket()).key(key).contentType(S3Options.CONTENT_TYPE)
                    .storageClass(options.storageClass().orElse(null)),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw S3Errors.map("PutObject", path, e);
        }
    }

    @Override
    public InputStream reader(String path, long offset) throws IOException {
        return read(path, offset, -1);
    }

    @Override
    public InputStream reader(String path, long offset, long length) throws IOException {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        return read(path, offset, length);
    }

    private InputStream read(String path, long offset, long length) throws IOException {
        String key = key(path);
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        if (length == 0) {
            require(key, path);
            return InputStream.nullInputStream();
        }
        String range = offset == 0 && length < 0 ? null
                : "bytes=" + offset + "-" + (length < 0 ? "" : String.valueOf(offset + length - 1));
        try {
            return new S3ObjectStream(s3.getObject(b -> b.bucket(options.bucket()).key(key).range(range)));
        } catch (SdkException e) {
            IOException mapped = S3Errors.map("GetObject", path, e);
            if (mapped instanceof PathNotFoundException || !isInvalidRange(e)) {
                throw mapped;
            }
            // 416: the offset is at (or past) the end of an existing object
            require(key, path);
            return InputStream.nullInputStream();
        }
    }

    private static boolean isInvalidRange(SdkException e) {
        return e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s && s.statusCode() == 416;
    }

    @Override
    public ObjectWriter writer(String path, boolean append) throws IOException {
        String key = key(path);
        long existing = append ? head(key, path).map(HeadObjectResponse::contentLength).orElse(0L) : 0;
        return new S3Writer(s3, options, key, path, existing, !append);
    }

    @Override
    public List<String> list(String path) throws IOException {
        String prefix = dirPrefix(path);
        Set<String> children = new LinkedHashSet<>();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(options.bucket())
                    .prefix(prefix).delimiter("/"))) {
                for (S3Object o : page.contents()) {
                    if (!o.key().endsWith("/")) {
                        children.add(child(path, prefix, o.key()));
                    }
                }
                for (CommonPrefix p : page.commonPrefixes()) {
                    children.add(child(path, prefix, p.prefix()));
                }
            }
        } catch (SdkException e) {
            throw S3Errors.map("ListObjectsV2", path, e);
        }
        return new ArrayList<>(children);
    }

    @Override
    public void move(String sourcePath, String destPath) throws IOException {
        String source = key(sourcePath);
        String dest = key(destPath);
        long size = require(source, sourcePath).contentLength();
        try {
            if (size <= MAX_COPY_PART) {
                s3.copyObject(b -> b.sourceBucket(options.bucket()).sourceKey(source)
                        .destinationBucket(options.bucket()).destinationKey(dest)
                        .storageClass(options.storageClass().orElse(null)));
            } else {
                S3Copies.copyLarge(s3, options, source, dest, size);
            }
            s3.deleteObject(b -> b.bucket(options.bucket()).key(source));
        } catch (SdkException e) {
            throw S3Errors.map("CopyObject", sourcePath + " -> " + destPath, e);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        String prefix = dirPrefix(path);
        try {
            if (!trees.deleteUnder(path, prefix) && !path.equals("/")) {
                // an object, or nothing; a directory's own key is never named (on S3Proxy's filesystem
                // backend it is the directory, and deleting it while a concurrent write fills it stalls)
                s3.deleteObject(b -> b.bucket(options.bucket()).key(key(path)));
            }
        } catch (SdkException e) {
            throw S3Errors.map("DeleteObjects", path, e);
        }
    }

    @Override
    public int purgeIncompleteWrites(Instant cutoff) throws IOException {
        return abortUploads("/", upload -> upload.initiated() != null && upload.initiated().isBefore(cutoff));
    }

    /** Every multipart upload under the directory, whatever its Initiated says (S3Proxy: the time of the listing). */
    @Override
    public int purgeIncompleteWrites(String path) throws IOException {
        return abortUploads(path, upload -> true);
    }

    private int abortUploads(String path, java.util.function.Predicate<MultipartUpload> which) throws IOException {
        int aborted = 0;
        try {
            for (var page : s3.listMultipartUploadsPaginator(b -> b.bucket(options.bucket()).prefix(dirPrefix(path)))) {
                for (MultipartUpload upload : page.uploads()) {
                    if (which.test(upload)) {
                        s3.abortMultipartUpload(b -> b.bucket(options.bucket()).key(upload.key()).uploadId(upload.uploadId()));
                        aborted++;
                    }
                }
            }
        } catch (SdkException e) {
            throw S3Errors.map("ListMultipartUploads", path, e);
        }
        return aborted;
    }

    @Override
    public URI presignedGet(String path, Duration validity) throws IOException {
        String key = key(path);
        try {
            return presigner.presignGetObject(p -> p.signatureDuration(validity)
                    .getObjectRequest(g -> g.bucket(options.bucket()).key(key))).url().toURI();
        } catch (SdkException e) {
            throw S3Errors.map("presign GetObject", path, e);
        } catch (URISyntaxException e) {
            throw new IOException("presigned URL of " + path + " is not a URI", e);
        }
    }

    @Override
    public void close() {
        s3.close();
        presigner.close();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Optional<HeadObjectResponse> head(String key, String path) throws IOException {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(options.bucket()).key(key)));
        } catch (SdkException e) {
            IOException mapped = S3Errors.map("HeadObject", path, e);
            if (mapped instanceof PathNotFoundException) {
                return Optional.empty();
            }
            throw mapped;
        }
    }

    private HeadObjectResponse require(String key, String path) throws IOException {
        return head(key, path).orElseThrow(() -> new PathNotFoundException(path));
    }

    /** The first real key (not a directory marker) under {@code prefix}. */
    private Optional<S3Object> firstKeyUnder(String prefix, String path) throws IOException {
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(options.bucket())
                    .prefix(prefix).maxKeys(8))) {
                for (S3Object o : page.contents()) {
                    if (!o.key().endsWith("/")) {
                        return Optional.of(o);
                    }
                }
            }
            return Optional.empty();
        } catch (SdkException e) {
            throw S3Errors.map("ListObjectsV2", path, e);
        }
    }
}
