package org.stancewatch.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stancewatch.model.DeadLetter;

/**
 * The record codecs on hostile bytes (a poisoned Kafka record): a record, or a {@link
 * RecordFormatException} that says why, and nothing else, quickly.
 */
class RecordCodecFuzzTest {
    private static final Duration PER_TRY = Duration.ofSeconds(30); // generous for a shared, loaded machine
    private static final List<RecordCodec<?>> CODECS = List.of(Codecs.ARTICLE, Codecs.MENTION, Codecs.STANCE_BUCKET,
            Codecs.ALERT, Codecs.DEAD_LETTER);
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE});

    private static byte[] seedArticle() {
        try (InputStream in = RecordCodecFuzzTest.class.getResourceAsStream("/records/article-v1.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> records() {
        List<byte[]> seeds = List.of(seedArticle(), Codecs.DEAD_LETTER.write(new DeadLetter("ingest", "http-404",
                "herald: HTTP 404", "http://herald.test/a", "<p>x</p>", Instant.parse("2011-03-17T08:15:00Z"))));
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.of(seeds), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 4), Arbitraries.bytes().array(byte[].class).ofMaxSize(16),
                Arbitraries.of(INVALID_UTF8)).as(RecordCodecFuzzTest::mutate);
        Arbitrary<byte[]> deep = Arbitraries.integers().between(1, 50_000).flatMap(depth -> Arbitraries.of(
                "{\"schemaVersion\":1,\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}",
                "{\"schemaVersion\":1,\"title\":" + "{\"x\":".repeat(depth) + "1" + "}".repeat(depth) + "}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<byte[]> huge = Arbitraries.integers().between(1, 1024 * 1024).flatMap(n -> Arbitraries.of(
                "{\"schemaVersion\":1,\"title\":\"" + "x".repeat(n) + "\"}",
                "{\"schemaVersion\":1,\"wordCount\":" + "9".repeat(Math.min(n, 100_000)) + "}",
                "{\"schemaVersion\":" + "1".repeat(Math.min(n, 5_000)) + "}",
                "{\"schemaVersion\":1e" + Math.min(n, 999_999) + "}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(2048), mutated, deep, huge);
    }

    @Provide
    Arbitrary<RecordCodec<?>> codecs() {
        return Arbitraries.of(CODECS);
    }

    @Property(tries = 200)
    void anyBytesGiveARecordOrARecordFormatError(@ForAll("records") byte[] bytes, @ForAll("codecs") RecordCodec<?> codec) {
        assertTimeoutPreemptively(PER_TRY, () -> {
            try {
                Record record = codec.read(bytes);
                assertThat(record).isInstanceOf(codec.type());
            } catch (RecordFormatException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }

    /** A seed with one edit: cut short, bytes overwritten, inserted or deleted, or invalid UTF-8 spliced in. */
    private static byte[] mutate(byte[] seed, double at, int kind, byte[] bytes, byte[] invalid) {
        int pos = (int) (at * seed.length);
        return switch (kind) {
            case 0 -> Arrays.copyOf(seed, pos);
            case 1 -> {
                byte[] out = seed.clone();
                System.arraycopy(bytes, 0, out, pos, Math.min(bytes.length, out.length - pos));
                yield out;
            }
            case 2 -> splice(seed, pos, bytes);
            case 3 -> splice(seed, pos, invalid);
            default -> {
                int end = Math.min(seed.length, pos + 1 + bytes.length);
                byte[] out = new byte[seed.length - (end - pos)];
                System.arraycopy(seed, 0, out, 0, pos);
                System.arraycopy(seed, end, out, pos, seed.length - end);
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
