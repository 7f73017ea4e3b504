package io.portus.storage;

import java.io.IOException;

/** The upload session does not exist (never started, malformed id, finished, cancelled or purged). */
public final class UploadUnknownException extends IOException {

    public UploadUnknownException(String uploadId) {
        super("upload unknown: " + uploadId);
    }
}
