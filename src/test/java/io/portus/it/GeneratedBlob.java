package io.portus.it;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A large blob made on the fly, never held in memory: one random MiB (from a seed), repeated with each copy
 * stamped with its index, so no two MiB are alike. {@link #stream()} and {@link #digest()} read the same bytes.
 */
record GeneratedBlob(long size, long seed) {

    static final int BLOCK = 1 << 20;

    /** {@code sha256:<hex>} of the whole content (reads it once, a few seconds per GiB). */
    String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[BLOCK];
            try (InputStream in = stream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes {@code [from, to)} (to at most {@link #size()}). */
    InputStream stream(long from, long to) {
        byte[] block = new byte[BLOCK];
        new SplittableRandom(seed).nextBytes(block);
        return new InputStream() {
            long pos = from;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= to) {
                    return -1;
                }
                int inBlock = (int) (pos % BLOCK);
                int n = (int) Math.min(Math.min(len, BLOCK - inBlock), to - pos);
                System.arraycopy(block, inBlock, b, off, n);
                long index = pos / BLOCK;
                byte[] stamp = ByteBuffer.allocate(8).putLong(index).array();
                for (int i = inBlock; i < 8 && i < inBlock + n; i++) {
                    b[off + i - inBlock] = stamp[i];
                }
                pos += n;
                return n;
            }
        };
    }

    InputStream stream() {
        return stream(0, size);
    }
}
