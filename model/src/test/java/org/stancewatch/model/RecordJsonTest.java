package org.stancewatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.json.MalformedRecordException;
import org.stancewatch.model.json.RecordFormatException;
import org.stancewatch.model.json.UnsupportedSchemaVersionException;

class RecordJsonTest {
    static final Instant PUBLISHED = Instant.parse("2010-04-08T10:30:00Z");

    static Article article() {
        return new Article(Article.idFor("https://example.org/a"), "https://example.org/a?utm_source=x",
                "https://example.org/a", "example", "example.org", "Title", List.of("Jane Roe"),
                PUBLISHED, DateSource.META, Instant.parse("2026-11-28T12:00:00Z"), "en",
                "Moscow welcomed the deal.", 4, "hash", "00ff00ff00ff00ff", 1, null);
    }

    static Mention mention() {
        return new Mention(Mention.idFor("a1", 0, "russia"), "a1", 1, "https://example.org/a", "example.org",
                PUBLISHED, DateSource.META, "russia", "Moscow", List.of("arms-control"), 0,
                "Moscow welcomed the deal.", 0.6, Polarity.POSITIVE, 0.8, "", false, null, "test/1");
    }

    @Test
    void everyRecordSurvivesARoundTripUnchanged() {
        Article article = article();
        Mention mention = mention();
        StanceBucket bucket = StanceBucket.of("russia", StanceBucket.ALL, "example.org", StanceBucket.ALL, "day",
                PUBLISHED, PUBLISHED.plusSeconds(86_400), 3, 0.5, 0.75, 1, 1, 1);
        Alert alert = new Alert(Alert.idFor("russia", "_all", "_all", "_all", PUBLISHED), "russia", "_all", "_all",
                "_all", PUBLISHED.minusSeconds(30 * 86_400), PUBLISHED, PUBLISHED.plusSeconds(7 * 86_400), 0.2, 40,
                -0.4, 12, -0.6, 4.1, Direction.NEGATIVE, List.of(Evidence.of(mention)), PUBLISHED);
        DeadLetter letter = new DeadLetter("ingest", "fetch-timeout", "no answer in 30 s", "https://example.org/a",
                null, PUBLISHED);
        SourceStatus status = new SourceStatus("bbc-world", "bbc.co.uk", SourceHealth.SILENT,
                "nothing new for 2 days (usually every 3 h)", PUBLISHED, PUBLISHED, PUBLISHED, null, 7.5, 2, 0,
                PUBLISHED.plusSeconds(900), PUBLISHED);

        assertThat(Codecs.ARTICLE.read(Codecs.ARTICLE.write(article))).isEqualTo(article);
        assertThat(Codecs.MENTION.read(Codecs.MENTION.write(mention))).isEqualTo(mention);
        assertThat(Codecs.STANCE_BUCKET.read(Codecs.STANCE_BUCKET.write(bucket))).isEqualTo(bucket);
        assertThat(Codecs.ALERT.read(Codecs.ALERT.write(alert))).isEqualTo(alert);
        assertThat(Codecs.DEAD_LETTER.read(Codecs.DEAD_LETTER.write(letter))).isEqualTo(letter);
        assertThat(Codecs.SOURCE_STATUS.read(Codecs.SOURCE_STATUS.write(status))).isEqualTo(status);
    }

    @Test
    void anAlertWrittenBeforeAlertKindsExistedIsAToneAlert() {
        Alert alert = new Alert(Alert.idFor("russia", "_all", "_all", "_all", PUBLISHED), "russia", "_all", "_all",
                "_all", PUBLISHED.minusSeconds(30 * 86_400), PUBLISHED, PUBLISHED.plusSeconds(7 * 86_400), 0.2, 40,
                -0.4, 12, -0.6, 4.1, Direction.NEGATIVE, List.of(), PUBLISHED);
        String json = Codecs.ALERT.writeString(alert).replace(",\"kind\":\"tone\"", "");

        assertThat(json).doesNotContain("kind");
        assertThat(Codecs.ALERT.read(json).kind()).isEqualTo(AlertKind.TONE);
    }

    @Test
    void anAttentionAlertHasAnIdOfItsOwnAndReadsBackAsSuch() {
        String toneId = Alert.idFor(AlertKind.TONE, "russia", "_all", "_all", "_all", PUBLISHED);
        String attentionId = Alert.idFor(AlertKind.ATTENTION, "russia", "_all", "_all", "_all", PUBLISHED);
        Alert burst = new Alert(attentionId, "russia", "_all", "_all", "_all", PUBLISHED.minusSeconds(30 * 86_400),
                PUBLISHED, PUBLISHED.plusSeconds(86_400), 0.02, 40, 0.09, 30, 0.07, 6.2, Direction.POSITIVE,
                List.of(), PUBLISHED, AlertKind.ATTENTION);

        assertThat(toneId).isEqualTo(Alert.idFor("russia", "_all", "_all", "_all", PUBLISHED)).isNotEqualTo(attentionId);
        assertThat(Codecs.ALERT.writeString(burst)).contains("\"kind\":\"attention\"");
        assertThat(Codecs.ALERT.read(Codecs.ALERT.write(burst))).isEqualTo(burst);
    }

    @Test
    void jsonFormCarriesTheVersionFirstAndReadableEnumsAndDates() {
        String json = Codecs.MENTION.writeString(mention());

        assertThat(json).startsWith("{\"schemaVersion\":1,");
        assertThat(json).contains("\"polarity\":\"positive\"", "\"dateSource\":\"meta\"",
                "\"publishedAt\":\"2010-04-08T10:30:00Z\"");
    }

    @Test
    void readsTheDocumentedVersionOneArticle() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/records/article-v1.json")) {
            Article article = Codecs.ARTICLE.read(in.readAllBytes());

            assertThat(article.dateSource()).isEqualTo(DateSource.JSON_LD);
            assertThat(article.publishedAt()).isEqualTo(PUBLISHED);
            assertThat(article.authors()).containsExactly("Jane Roe");
            assertThat(article.isCopy()).isFalse();
        }
    }

    @Test
    void bytesThatAreNotJsonGiveAMalformedRecordError() {
        assertThatThrownBy(() -> Codecs.ARTICLE.read("{\"id\": ".getBytes()))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("Article: not valid JSON");
    }

    @Test
    void aJsonValueThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> Codecs.MENTION.read("[1, 2]"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("Mention: expected a JSON object, found array");
    }

    @Test
    void emptyInputIsRefused() {
        assertThatThrownBy(() -> Codecs.MENTION.read(new byte[0]))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("empty input");
    }

    @Test
    void aMissingVersionIsRefused() {
        String json = Codecs.ARTICLE.writeString(article()).replace("\"schemaVersion\":1,", "");

        assertThatThrownBy(() -> Codecs.ARTICLE.read(json))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("missing or non-integer 'schemaVersion'");
    }

    @Test
    void anUnknownVersionIsRefusedWithBothVersionsNamed() {
        String json = Codecs.ARTICLE.writeString(article()).replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        assertThatThrownBy(() -> Codecs.ARTICLE.read(json))
                .isInstanceOfSatisfying(UnsupportedSchemaVersionException.class, e -> {
                    assertThat(e.found()).isEqualTo(2);
                    assertThat(e.supported()).isEqualTo(1);
                    assertThat(e.reason()).isEqualTo("unsupported-schema-version");
                });
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        String json = Codecs.MENTION.writeString(mention()).replaceFirst("\"id\":\"[0-9a-f]+\",", "");

        assertThatThrownBy(() -> Codecs.MENTION.read(json))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("Mention: id is required and must not be blank");
    }

    @Test
    void aWronglyTypedFieldIsNamed() {
        String json = Codecs.MENTION.writeString(mention()).replace("\"score\":0.6", "\"score\":\"very\"");

        assertThatThrownBy(() -> Codecs.MENTION.read(json))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("field 'score'");
    }

    @Test
    void aScoreOutsideItsRangeIsRefused() {
        String json = Codecs.MENTION.writeString(mention()).replace("\"score\":0.6", "\"score\":3.0");

        assertThatThrownBy(() -> Codecs.MENTION.read(json))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("score must be in [-1.0, 1.0], was 3.0");
    }

    @Test
    void anUnknownEnumValueIsRefused() {
        String json = Codecs.MENTION.writeString(mention()).replace("\"polarity\":\"positive\"", "\"polarity\":\"angry\"");

        assertThatThrownBy(() -> Codecs.MENTION.read(json)).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void fieldsAddedWithinAVersionAreIgnoredByOlderReaders() {
        String json = Codecs.MENTION.writeString(mention()).replace("{\"schemaVersion\":1,",
                "{\"schemaVersion\":1,\"addedLater\":[1,2,3],");

        assertThat(Codecs.MENTION.read(json)).isEqualTo(mention());
    }

    @Test
    void aBucketWrittenBeforeWeightsExistedWeighsItsCount() {
        StanceBucket bucket = StanceBucket.of("russia", StanceBucket.ALL, StanceBucket.ALL, StanceBucket.ALL, "day",
                PUBLISHED, PUBLISHED.plusSeconds(86_400), 4, 1.0, 0.5, 2, 1, 1);
        String json = Codecs.STANCE_BUCKET.writeString(bucket).replace("\"weight\":4.0,", "");

        StanceBucket read = Codecs.STANCE_BUCKET.read(json);

        assertThat(json).doesNotContain("weight");
        assertThat(read.weight()).isEqualTo(4.0);
        assertThat(read).isEqualTo(bucket);
    }

    @Test
    void aDownWeightedBucketDividesByItsWeight() {
        // an original scoring -0.6 and a copy weighing 0.5 scoring -0.6: weighted sum -0.9
        StanceBucket bucket = StanceBucket.of("russia", StanceBucket.ALL, StanceBucket.ALL, StanceBucket.ALL, "day",
                PUBLISHED, PUBLISHED.plusSeconds(86_400), 2, 1.5, -0.9, 0.54, 0, 0, 2);

        assertThat(bucket.count()).isEqualTo(2);
        assertThat(bucket.mean()).isCloseTo(-0.6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(bucket.variance()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void formatErrorsAreKafkaSerializationErrorsWithAReasonCode() {
        RecordFormatException error = org.junit.jupiter.api.Assertions.assertThrows(
                RecordFormatException.class, () -> Codecs.ARTICLE.read("nope"));

        assertThat(error).isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
        assertThat(error.reason()).isEqualTo("malformed-record");
        assertThat(error.recordType()).isEqualTo("Article");
    }
}
