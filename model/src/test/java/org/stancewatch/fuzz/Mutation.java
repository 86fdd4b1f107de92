package org.stancewatch.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** One edit of a document, the kind a broken server, proxy or encoder makes. */
record Mutation(Kind kind, double at, byte[] bytes, byte[] invalidUtf8) {
    enum Kind { TRUNCATE, OVERWRITE, INSERT, INVALID_UTF8, REPEAT_SLICE, DELETE_SLICE }

    /** Byte sequences that are not UTF-8: a lone continuation byte, an overlong slash, a surrogate, 0xFF 0xFE, above U+10FFFF, cut short. */
    static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82});

    private static final Generator<Kind> KINDS = Generator.elementOf(List.of(Kind.values()));
    /** Where in the document, as a fraction, so one edit fits a document of any length; start and end included. */
    private static final Generator<Integer> PER_MILLE = Generator.between(0, 1000);
    private static final Generator<byte[]> BYTES = Generator.bytes(64);
    private static final Generator<byte[]> INVALID = Generator.elementOf(INVALID_UTF8);
    private static final int REPEATS = 200;

    static Mutation draw(Random random) {
        return new Mutation(KINDS.next(random), PER_MILLE.next(random) / 1000.0, BYTES.next(random), INVALID.next(random));
    }

    byte[] apply(byte[] in) {
        int pos = (int) (at * in.length);
        return switch (kind) {
            case TRUNCATE -> Arrays.copyOf(in, pos);
            case OVERWRITE -> {
                byte[] out = in.clone();
                System.arraycopy(bytes, 0, out, pos, Math.min(bytes.length, out.length - pos));
                yield out;
            }
            case INSERT -> splice(in, pos, bytes);
            case INVALID_UTF8 -> splice(in, pos, invalidUtf8);
            case REPEAT_SLICE -> {
                int end = Math.min(in.length, pos + 1 + bytes.length);
                byte[] slice = Arrays.copyOfRange(in, pos, end);
                byte[] repeated = new byte[slice.length * REPEATS];
                for (int i = 0; i < REPEATS; i++) {
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
}
