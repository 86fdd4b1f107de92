package org.stancewatch.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body within limits: at most {@code maxBytes} on the wire and at most
 * {@code maxBytes} after decompression, so that a gzip bomb (a few kilobytes that inflate to
 * gigabytes) is stopped as it inflates, not after.
 */
final class BodyReader {
    /** The body was larger than allowed; {@code wire} says whether before or after decompression. */
    static final class TooLarge extends IOException {
        final boolean wire;
        final byte[] prefix;

        TooLarge(boolean wire, byte[] prefix) {
            super(wire ? "body larger than the limit" : "body larger than the limit once decompressed");
            this.wire = wire;
            this.prefix = prefix;
        }
    }

    /** A Content-Encoding we do not read, or a corrupt compressed stream. */
    static final class BadEncoding extends IOException {
        BadEncoding(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private BodyReader() {}

    /** A body read, and whether it was cut at the limit. */
    record Body(byte[] bytes, boolean truncated) {}

    /**
     * Reads the body.
     *
     * @param truncate true to return the first {@code maxBytes} of a larger body, false to fail
     * @throws TooLarge when the body is larger than {@code maxBytes} and {@code truncate} is false
     */
    static Body read(InputStream raw, String contentEncoding, long maxBytes, boolean truncate) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        // When truncating, the decoded size decides; the wire limit only stops a runaway.
        CountingStream wire = new CountingStream(raw, truncate ? maxBytes + buffer.length : maxBytes);
        InputStream decoded = decoder(wire, contentEncoding);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (int n = decoded.read(buffer); n >= 0; n = decoded.read(buffer)) {
                if (out.size() + n > maxBytes) {
                    out.write(buffer, 0, (int) (maxBytes - out.size()));
                    if (truncate) {
                        return new Body(out.toByteArray(), true);
                    }
                    throw new TooLarge(false, out.toByteArray());
                }
                out.write(buffer, 0, n);
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new BadEncoding("the " + contentEncoding + " body is corrupt: " + e.getMessage(), e);
        }
        return new Body(out.toByteArray(), false);
    }

    private static InputStream decoder(InputStream in, String contentEncoding) throws IOException {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        try {
            return switch (encoding) {
                case "", "identity" -> in;
                case "gzip", "x-gzip" -> new GZIPInputStream(in, 8192);
                // zlib-wrapped, as the standard says; a raw deflate stream is read as such below
                case "deflate" -> deflate(in);
                default -> throw new BadEncoding("unsupported Content-Encoding '" + encoding + "'", null);
            };
        } catch (ZipException | java.io.EOFException e) {
            throw new BadEncoding("the " + encoding + " body is corrupt: " + e.getMessage(), e);
        }
    }

    private static InputStream deflate(InputStream in) throws IOException {
        var buffered = new java.io.BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        buffered.reset();
        boolean zlib = first >= 0 && (first & 0x0f) == 8;
        return new InflaterInputStream(buffered, new Inflater(!zlib), 8192);
    }

    /** Counts the bytes on the wire and stops at the limit. */
    private static final class CountingStream extends FilterInputStream {
        private final long limit;
        private long count;

        CountingStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > limit) {
                throw new TooLarge(true, new byte[0]);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new TooLarge(true, new byte[0]);
                }
            }
            return n;
        }
    }
}
