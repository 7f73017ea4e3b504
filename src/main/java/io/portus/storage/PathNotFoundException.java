package io.portus.storage;

import java.io.IOException;

/** Thrown by a {@link BlobStore} when an object does not exist. */
public class PathNotFoundException extends IOException {

    public PathNotFoundException(String path) {
        super("path not found: " + path);
    }
}
