package io.portus.storage;

import java.io.FilterInputStream;
import java.io.IOException;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The body of a GetObject. Closed before its last byte (a client that went away), it aborts the
 * connection instead of draining the rest of the object; read to its length, the connection goes back to
 * the pool. Read failures of the SDK become IOExceptions.
 */
final class S3ObjectStream extends FilterInputStream {

    private final ResponseInputStream<GetObjectResponse> response;
    private long remaining;
    private boolean ended;

    S3ObjectStream(ResponseInputStream<GetObjectResponse> response) {
        super(response);
        this.response = response;
        Long length = response.response().contentLength();
        this.remaining = length == null ? Long.MAX_VALUE : length;
        this.ended = remaining == 0;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        } catch (SdkException e) {
            throw S3Errors.map("GetObject", "(body)", e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = super.read(b, off, len);
            count(n);
            return n;
        } catch (SdkException e) {
            throw S3Errors.map("GetObject", "(body)", e);
        }
    }

    private void count(int n) {
        if (n < 0) {
            ended = true;
        } else {
            remaining -= n;
            ended |= remaining <= 0;
        }
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            response.abort();
        }
        super.close();
    }
}
