package io.portus.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deletes of whole key trees: list everything under the prefix, then DeleteObjects in batches of 1000.
 * Directory markers (keys ending in '/', which S3Proxy's filesystem backend lists for its directories) go
 * last, deepest first, and only those still empty after a second listing: S3Proxy stalls about 30 s on a
 * marker whose directory holds keys (a concurrent write into the tree).
 */
final class S3Trees {

    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;

    S3Trees(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Deletes every key under {@code prefix}; false when there was none. */
    boolean deleteUnder(String path, String prefix) throws IOException {
        Listing first = listAll(prefix);
        if (first.keys.isEmpty() && first.markers.isEmpty()) {
            return false;
        }
        deleteAll(path, first.keys);
        if (first.markers.isEmpty()) {
            return true;
        }
        Listing second = listAll(prefix);
        List<String> empty = new ArrayList<>(new LinkedHashSet<>(second.markers));
        if (!prefix.isEmpty() && !empty.contains(prefix)) {
            empty.add(prefix);
        }
        empty.removeIf(m -> second.keys.stream().anyMatch(k -> k.startsWith(m)));
        empty.sort(Comparator.comparingInt(String::length).reversed());
        deleteAll(path, empty);
        return true;
    }

    private record Listing(List<String> keys, List<String> markers) {
    }

    /** Every key under {@code prefix}, directory markers apart. */
    private Listing listAll(String prefix) {
        List<String> keys = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
            for (S3Object o : page.contents()) {
                (o.key().endsWith("/") ? markers : keys).add(o.key());
            }
        }
        return new Listing(keys, markers);
    }

    private void deleteAll(String path, List<String> keys) throws IOException {
        for (int i = 0; i < keys.size(); i += DELETE_BATCH) {
            deleteBatch(path, keys.subList(i, Math.min(keys.size(), i + DELETE_BATCH)));
        }
    }

    private void deleteBatch(String path, List<String> keys) throws IOException {
        if (keys.isEmpty()) {
            return;
        }
        if (keys.size() == 1) {
            s3.deleteObject(b -> b.bucket(bucket).key(keys.getFirst()));
            return;
        }
        List<ObjectIdentifier> ids = keys.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
        var response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
        var failed = response.errors().stream().filter(err -> !"NoSuchKey".equals(err.code())).toList();
        if (!failed.isEmpty()) {
            throw new IOException("S3 DeleteObjects " + path + ": " + failed.size() + " keys not deleted (first: "
                    + failed.getFirst().code() + ")");
        }
    }
}
