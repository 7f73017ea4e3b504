package io.portus.storage;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** Server-side copies of objects above S3's 5 GiB CopyObject limit, and the part ranges they use. */
final class S3Copies {

    private S3Copies() {
    }

    /** Equal parts of at most 5 GiB covering {@code size} bytes (a part of a copy may not be below 5 MiB). */
    static List<long[]> copyRanges(long size) {
        long count = (size + S3BlobStore.MAX_COPY_PART - 1) / S3BlobStore.MAX_COPY_PART;
        long part = (size + count - 1) / count;
        List<long[]> ranges = new ArrayList<>();
        for (long start = 0; start < size; start += part) {
            ranges.add(new long[] {start, Math.min(size, start + part) - 1});
        }
        return ranges;
    }

    /** Server-side copy of an object above 5 GiB: a multipart upload of UploadPartCopy parts. */
    static void copyLarge(S3Client s3, S3Options options, String source, String dest, long size) {
        String id = s3.createMultipartUpload(b -> b.bucket(options.bucket()).key(dest).contentType(S3Options.CONTENT_TYPE)
                .storageClass(options.storageClass().orElse(null))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long[] range : copyRanges(size)) {
                int number = parts.size() + 1;
                var r = s3.uploadPartCopy(b -> b.sourceBucket(options.bucket()).sourceKey(source)
                        .destinationBucket(options.bucket()).destinationKey(dest).uploadId(id).partNumber(number)
                        .copySourceRange("bytes=" + range[0] + "-" + range[1]));
                parts.add(CompletedPart.builder().partNumber(number).eTag(r.copyPartResult().eTag()).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(options.bucket()).key(dest).uploadId(id)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (SdkException e) {
            s3.abortMultipartUpload(b -> b.bucket(options.bucket()).key(dest).uploadId(id));
            throw e;
        }
    }
}
