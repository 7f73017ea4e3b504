package io.portus.storage;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Optional capability of a {@link BlobStore} whose objects are local files (the filesystem driver):
 * the registry may let the servlet container send them itself (zero-copy {@code sendfile}).
 */
public interface LocalFiles {

    /** The local file of an object; empty for directories and missing objects. */
    Optional<Path> localFile(String path);
}
