package io.portus.storage;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Optional capability of a {@link BlobStore} that can hand out a URL from which a client reads an
 * object directly (S3: a presigned GET), so blob downloads need not pass through the registry.
 */
public interface PresignedReads {

    /** A URL that serves the object's bytes to anyone holding it, until {@code validity} has passed. */
    URI presignedGet(String path, Duration validity) throws IOException;
}
