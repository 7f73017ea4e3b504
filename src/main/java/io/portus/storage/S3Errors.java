package io.portus.storage;

import java.io.IOException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * S3 failures as the storage SPI reports them (after the SDK's standard retries): a missing key is
 * {@link PathNotFoundException}; throttling, 5xx and unreachable endpoints are
 * {@link StorageUnavailableException}; anything else (access denied, a missing bucket) an
 * {@link IOException}. Messages carry the operation, the storage path and S3's status and code,
 * never a URL, a credential or the SDK's own message.
 */
final class S3Errors {

    private S3Errors() {
    }

    static IOException map(String operation, String path, SdkException e) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() != null ? s.awsErrorDetails().errorCode() : null;
            int status = s.statusCode();
            if (e instanceof NoSuchKeyException || (status == 404 && !"NoSuchBucket".equals(code)
                    && !"NoSuchUpload".equals(code))) {
                return new PathNotFoundException(path);
            }
            String what = "S3 " + operation + " " + path + ": HTTP " + status + (code != null ? " " + code : "");
            if (s.isThrottlingException() || status == 500 || status == 502 || status == 503 || status == 504) {
                return new StorageUnavailableException(what, e);
            }
            return new IOException(what, e);
        }
        if (e instanceof SdkClientException) {
            return new StorageUnavailableException("S3 " + operation + " " + path + ": endpoint not reachable ("
                    + rootCause(e).getClass().getSimpleName() + ")", e);
        }
        return new IOException("S3 " + operation + " " + path + ": " + e.getClass().getSimpleName(), e);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
