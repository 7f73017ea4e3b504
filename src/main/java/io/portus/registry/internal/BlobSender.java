package io.portus.registry.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

import io.portus.storage.RegistryStorage.Blob;
import io.portus.storage.RegistryStorage.LocalFileBlob;

/**
 * Sends (part of) a blob. When the storage has a local file and Tomcat offers sendfile (plain HTTP), the
 * container sends the file itself, zero-copy, after the filter returns; otherwise the bytes are streamed
 * with a large buffer. HEAD gets the headers only.
 */
final class BlobSender {

    static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";
    static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    /** Below this, copying is cheaper than setting up sendfile (Tomcat's DefaultServlet uses 48 KiB). */
    static final long SENDFILE_MIN = 48 * 1024;
    private static final int BUFFER = 256 * 1024;

    private BlobSender() {
    }

    static void send(Exchange ex, Blob blob, long start, long length) throws IOException {
        ex.response.setContentLengthLong(length);
        if (ex.head() || length == 0) {
            return;
        }
        Optional<Path> file = length >= SENDFILE_MIN && blob instanceof LocalFileBlob local ? local.localFile() : Optional.empty();
        if (file.isPresent() && Boolean.TRUE.equals(ex.request.getAttribute(SENDFILE_SUPPORTED))) {
            ex.request.setAttribute(SENDFILE_FILENAME, file.get().toAbsolutePath().toString());
            ex.request.setAttribute(SENDFILE_START, start);
            ex.request.setAttribute(SENDFILE_END, start + length);
            ex.bytesOut += length;
            return;
        }
        try (InputStream in = blob.open(start, length)) {
            OutputStream out = ex.output();
            byte[] buffer = new byte[(int) Math.min(BUFFER, length)];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new EOFException("blob " + blob.digest() + " ended " + left + " bytes early");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            out.flush();
        }
    }
}
