package org.stancewatch.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stancewatch.fuzz.HostileBytes.utf8;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stancewatch.fuzz.Fuzz;
import org.stancewatch.fuzz.Generator;
import org.stancewatch.fuzz.HostileBytes;
import org.stancewatch.model.DeadLetter;

/**
 * The record codecs on hostile bytes (a poisoned Kafka record): a record, or a {@link
 * RecordFormatException} that says why, and nothing else, quickly.
 */
class RecordCodecFuzzTest {
    private static final Generator<Integer> DEPTHS = Generator.between(1, 50_000);
    private static final Generator<Integer> LENGTHS = Generator.between(1, 1024 * 1024);

    /** A codec named by its record type, so a failure report says which. */
    record Codec(RecordCodec<?> codec) {
        @Override
        public String toString() {
            return codec.type().getSimpleName() + " codec";
        }
    }

    @Test
    void anyBytesGiveARecordOrARecordFormatError() {
        List<byte[]> seeds = List.of(HostileBytes.resource("/records/article-v1.json"), Codecs.DEAD_LETTER.write(
                new DeadLetter("ingest", "http-404", "herald: HTTP 404", "http://herald.test/a", "<p>x</p>",
                        Instant.parse("2011-03-17T08:15:00Z"))));
        Generator<byte[]> records = Generator.oneOf(Generator.bytes(2048), HostileBytes.mutationsOf(seeds),
                RecordCodecFuzzTest::deep, RecordCodecFuzzTest::huge);
        Generator<Codec> codecs = Generator.elementOf(List.of(new Codec(Codecs.ARTICLE), new Codec(Codecs.MENTION),
                new Codec(Codecs.STANCE_BUCKET), new Codec(Codecs.ALERT), new Codec(Codecs.DEAD_LETTER)));

        Fuzz.check(records, codecs, (bytes, codec) -> {
            try {
                Record record = codec.codec().read(bytes);
                assertThat(record).isInstanceOf(codec.codec().type());
            } catch (RecordFormatException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }

    /** Arrays or objects nested up to 50,000 deep, past Jackson's nesting limit. */
    private static byte[] deep(Random random) {
        int depth = DEPTHS.next(random);
        return utf8(random.nextBoolean()
                ? "{\"schemaVersion\":1,\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}"
                : "{\"schemaVersion\":1,\"title\":" + "{\"x\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
    }

    /** A string of up to a megabyte, numbers of up to 100,000 digits, an exponent of up to 999,999. */
    private static byte[] huge(Random random) {
        int n = LENGTHS.next(random);
        return utf8(switch (random.nextInt(4)) {
            case 0 -> "{\"schemaVersion\":1,\"title\":\"" + "x".repeat(n) + "\"}";
            case 1 -> "{\"schemaVersion\":1,\"wordCount\":" + "9".repeat(Math.min(n, 100_000)) + "}";
            case 2 -> "{\"schemaVersion\":" + "1".repeat(Math.min(n, 5_000)) + "}";
            default -> "{\"schemaVersion\":1e" + Math.min(n, 999_999) + "}";
        });
    }
}
