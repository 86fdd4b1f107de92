package org.stancewatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.kafka.KafkaTopics;

class DeadLetterTest {
    private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void aDeadLetterOfTheWorstPayloadStillFitsInAKafkaRecord() {
        // Control characters are escaped to six bytes each: the largest JSON a payload can become.
        String controls = "\u0001".repeat(KafkaTopics.MAX_RECORD_BYTES);
        String longText = "x".repeat(KafkaTopics.MAX_RECORD_BYTES);

        DeadLetter letter = new DeadLetter("analyze", "future-date", longText, longText, controls, AT);

        assertThat(Codecs.DEAD_LETTER.write(letter).length).isLessThan(KafkaTopics.MAX_RECORD_BYTES / 2);
        assertThat(letter.payload()).hasSize(DeadLetter.MAX_PAYLOAD_CHARS);
        assertThat(letter.message()).hasSize(DeadLetter.MAX_TEXT_CHARS);
        assertThat(letter.subject()).hasSize(DeadLetter.MAX_TEXT_CHARS);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String payload = "a" + emoji.repeat(DeadLetter.MAX_PAYLOAD_CHARS);

        DeadLetter letter = new DeadLetter("ingest", "too-large", "", "https://example.org/a", payload, AT);

        assertThat(letter.payload()).hasSize(DeadLetter.MAX_PAYLOAD_CHARS - 1).endsWith(emoji);
        assertThat(Codecs.DEAD_LETTER.read(Codecs.DEAD_LETTER.write(letter))).isEqualTo(letter);
    }
}
