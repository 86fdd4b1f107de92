package org.stancewatch.ingest.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of the inputs a hostile or broken site sends, for the property tests of the
 * parsers: random bytes, real fixture documents mutated (cut short, bytes overwritten or
 * inserted, invalid UTF-8 spliced in, a slice repeated), nesting thousands of levels deep and
 * attribute values of hundreds of kilobytes.
 */
public final class HostileInputs {
    /** Byte sequences that are not UTF-8: a lone continuation byte, an overlong slash, a surrogate, 0xFF 0xFE. */
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82});

    private HostileInputs() {}

    /** A test resource's bytes, e.g. {@code /site/herald.test/feed.rss}. */
    public static byte[] resource(String path) {
        try (InputStream in = HostileInputs.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
    }

    /** One of the seeds with one to eight mutations applied. */
    public static Arbitrary<byte[]> mutationsOf(List<byte[]> seeds) {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Mutation.Kind.class),
                Arbitraries.doubles().between(0, 1), Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                Arbitraries.of(INVALID_UTF8)).as(Mutation::new);
        return Combinators.combine(Arbitraries.of(seeds), mutation.list().ofMinSize(1).ofMaxSize(8))
                .as((seed, mutations) -> {
                    byte[] bytes = seed;
                    for (Mutation m : mutations) {
                        bytes = m.apply(bytes);
                    }
                    return bytes;
                });
    }

    /** {@code prefix + open * depth + middle + close * depth + suffix}, depth up to 20,000. */
    public static Arbitrary<byte[]> deepNesting(String prefix, String open, String middle, String close, String suffix) {
        return Arbitraries.integers().between(1, 20_000).map(depth -> (prefix + open.repeat(depth) + middle
                + close.repeat(depth) + suffix).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code template} with each {@code %s} replaced by up to 512 KiB of one character: a huge
     * attribute or text. Larger gains nothing (the parsers are linear) but minutes of a shared
     * machine's time.
     */
    public static Arbitrary<byte[]> huge(String template) {
        return Combinators.combine(Arbitraries.integers().between(1, 512 * 1024), Arbitraries.of('x', '"', '&', '<', ' '))
                .as((length, c) -> template.replace("%s", String.valueOf(c).repeat(length)).getBytes(StandardCharsets.UTF_8));
    }

    /** Content-Type headers: missing, empty, right, wrong, with odd or unknown charsets, garbage. */
    public static Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of("text/html", "text/html; charset=utf-8", "application/xml",
                        "application/rss+xml; charset=ISO-8859-1", "application/atom+xml", "text/xml; charset=utf-16",
                        "text/plain", "application/gzip", "application/octet-stream", "", "text/html; charset=",
                        "text/html; charset=x-unknown-42", "application/xml; charset=\"utf-8", ";;;", "text/html; charset=utf-32")
                .injectNull(0.15), Arbitraries.strings().ofMaxLength(40));
    }

    /** An edit of a document. */
    record Mutation(Kind kind, double at, byte[] bytes, byte[] invalidUtf8) {
        enum Kind { TRUNCATE, OVERWRITE, INSERT, INVALID_UTF8, REPEAT_SLICE, DELETE_SLICE }

        byte[] apply(byte[] in) {
            int pos = (int) (at * in.length);
            return switch (kind) {
                case TRUNCATE -> Arrays.copyOf(in, pos);
                case OVERWRITE -> {
                    byte[] out = in.clone();
                    for (int i = 0; i < bytes.length && pos + i < out.length; i++) {
                        out[pos + i] = bytes[i];
                    }
                    yield out;
                }
                case INSERT -> splice(in, pos, bytes);
                case INVALID_UTF8 -> splice(in, pos, invalidUtf8);
                case REPEAT_SLICE -> {
                    int end = Math.min(in.length, pos + 1 + bytes.length);
                    byte[] slice = Arrays.copyOfRange(in, pos, end);
                    byte[] repeated = new byte[slice.length * 200];
                    for (int i = 0; i < 200; i++) {
                        System.arraycopy(slice, 0, repeated, i * slice.length, slice.length);
                    }
                    yield splice(in, end, repeated);
                }
                case DELETE_SLICE -> {
                    int end = Math.min(in.length, pos + 1 + bytes.length * 4);
                    byte[] out = new byte[in.length - (end - pos)];
                    System.arraycopy(in, 0, out, 0, pos);
                    System.arraycopy(in, end, out, pos, in.length - end);
                    yield out;
                }
            };
        }

        private static byte[] splice(byte[] in, int pos, byte[] insert) {
            byte[] out = new byte[in.length + insert.length];
            System.arraycopy(in, 0, out, 0, pos);
            System.arraycopy(insert, 0, out, pos, insert.length);
            System.arraycopy(in, pos, out, pos + insert.length, in.length - pos);
            return out;
        }

        @Override
        public String toString() {
            return kind + "@" + String.format("%.3f", at) + (kind == Kind.INVALID_UTF8 ? Arrays.toString(invalidUtf8)
                    : kind == Kind.TRUNCATE ? "" : Arrays.toString(bytes));
        }
    }
}
