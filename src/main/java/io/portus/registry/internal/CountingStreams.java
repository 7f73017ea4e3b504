package io.portus.registry.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Request/response body wrappers that count bytes and flag client-side I/O failures on the exchange. */
final class CountingStreams {

    private CountingStreams() {
    }

    /**
     * The request body. A read that fails because of the client (connection dropped, body shorter than its
     * Content-Length, timeout) flags the exchange and reads as end of stream, so the storage keeps the bytes
     * that did arrive (the client can resume from the reported size); handlers check
     * {@link Exchange#requireCompleteBody} before using what they read.
     */
    static final class In extends FilterInputStream {
        private final Exchange exchange;

        In(InputStream in, Exchange exchange) {
            super(in);
            this.exchange = exchange;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = exchange.clientFailed ? -1 : in.read();
                if (b >= 0) {
                    exchange.bytesIn++;
                }
                return b;
            } catch (IOException e) {
                exchange.clientFailed = true;
                return -1;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = exchange.clientFailed ? -1 : in.read(b, off, len);
                if (n > 0) {
                    exchange.bytesIn += n;
                }
                return n;
            } catch (IOException e) {
                exchange.clientFailed = true;
                return -1;
            }
        }

        @Override
        public void close() {
            // the container owns the request stream
        }
    }

    static final class Out extends FilterOutputStream {
        private final Exchange exchange;

        Out(OutputStream out, Exchange exchange) {
            super(out);
            this.exchange = exchange;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
                exchange.bytesOut += len;
            } catch (IOException e) {
                exchange.clientFailed = true;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                exchange.clientFailed = true;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
