package io.portus.storage;

import java.io.FilterInputStream;
import java.io.IOException;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The body of a GetObject. Closed before its end (a client that went away, a range read), it aborts
 * the connection instead of draining the rest of the object. Read failures of the SDK become IOExceptions.
 */
final class S3ObjectStream extends FilterInputStream {

    private final ResponseInputStream<?> response;
    private boolean ended;

    S3ObjectStream(ResponseInputStream<?> response) {
        super(response);
        this.response = response;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            ended |= b < 0;
            return b;
        } catch (SdkException e) {
            throw S3Errors.map("GetObject", "(body)", e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = super.read(b, off, len);
            ended |= n < 0;
            return n;
        } catch (SdkException e) {
            throw S3Errors.map("GetObject", "(body)", e);
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
