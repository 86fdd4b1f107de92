package org.stancewatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    @Test
    void aCrawlerDeadLetterNamesTheUrl() {
        DeadLetter letter = DeadLetter.ofUrl("https://example.org/a", "http-404", "herald: HTTP 404", null, AT);

        assertThat(letter).isEqualTo(new DeadLetter("ingest", "http-404", "herald: HTTP 404", "https://example.org/a",
                null, AT));
    }

    @Test
    void aDeadLetterAboutARecordNamesItsPlaceAndKeepsItsValueAsText() {
        byte[] value = "{\"title\":\"Grüße\"}".getBytes(StandardCharsets.UTF_8);

        DeadLetter letter = DeadLetter.ofInput(DeadLetter.INDEX, DeadLetter.subjectOf("stancewatch.mentions", 2, 17),
                DeadLetter.payloadOf(value), "document-rejected", "mapper_parsing_exception", AT);

        assertThat(letter.stage()).isEqualTo("index");
        assertThat(letter.subject()).isEqualTo("stancewatch.mentions-2@17");
        assertThat(letter.payload()).isEqualTo("{\"title\":\"Grüße\"}");
        assertThat(DeadLetter.payloadOf(null)).isNull();
    }

    @Test
    void theMessageOfAnErrorNamesEachCauseOnceOnOneLine() {
        var error = new IllegalStateException("scoring failed", new UncheckedIOException(
                new IOException("model file truncated\nat byte 512")));

        assertThat(DeadLetter.messageOf(error))
                .isEqualTo("scoring failed: java.io.IOException: model file truncated");
    }
}
