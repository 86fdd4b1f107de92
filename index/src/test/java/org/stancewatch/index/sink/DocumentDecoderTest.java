package org.stancewatch.index.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.IndexOperation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.index.testing.TestRecords;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.json.RecordFormatException;

class DocumentDecoderTest {
    private final DocumentDecoder decoder = new DocumentDecoder(IndexLayout.defaults());
    private final Article article = TestRecords.article("example.com", "a", Instant.parse("2011-03-01T10:00:00Z"), 3,
            "Russia and NATO.");

    @Test
    void aMentionIsIndexedUnderItsIdOnTheAliasVersionedByItsRevision() {
        Mention mention = TestRecords.mention(article, 0, "russia", -0.4);
        PendingDocument document = decoder.decode(record("stancewatch.mentions", mention.id(),
                Codecs.MENTION.write(mention)), IndexKind.MENTIONS);

        IndexOperation<?> index = document.operation().index();
        assertThat(index.index()).isEqualTo("stancewatch-mentions");
        assertThat(index.id()).isEqualTo(mention.id());
        assertThat(index.versionType()).isEqualTo(VersionType.ExternalGte);
        assertThat(index.version()).isEqualTo(3L);
        assertThat(document.articleId()).isEqualTo(article.id());
        assertThat(document.slotKey()).isEqualTo("mentions/" + mention.id());
        assertThat(document.subject()).isEqualTo("stancewatch.mentions-1@42");
    }

    @Test
    void aStanceBucketIsIndexedUnderItsIdWithoutVersion() {
        StanceBucket bucket = TestRecords.bucket("russia", Instant.parse("2011-03-01T00:00:00Z"), 3, -0.9, 0.5);
        PendingDocument document = decoder.decode(record("stancewatch.stance", "whatever-key",
                Codecs.STANCE_BUCKET.write(bucket)), IndexKind.STANCE);
        assertThat(document.operation().index().id()).isEqualTo(bucket.id()); // the record's id, not the key
        assertThat(document.operation().index().versionType()).isNull();
    }

    @Test
    void aTombstoneDeletesTheKeysDocument() {
        PendingDocument document = decoder.decode(record("stancewatch.alerts", "alert-1", null), IndexKind.ALERTS);
        assertThat(document.isDelete()).isTrue();
        assertThat(document.operation().delete().id()).isEqualTo("alert-1");
        assertThat(document.operation().delete().index()).isEqualTo("stancewatch-alerts");
    }

    @Test
    void unreadableRecordsThrowWithTheCodecsReason() {
        assertThatThrownBy(() -> decoder.decode(record("stancewatch.articles", "k",
                "[1,2]".getBytes(StandardCharsets.UTF_8)), IndexKind.ARTICLES))
                .isInstanceOfSatisfying(RecordFormatException.class, e -> assertThat(e.reason()).isEqualTo("malformed-record"));
        assertThatThrownBy(() -> decoder.decode(record("stancewatch.alerts", null, null), IndexKind.ALERTS))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("tombstone");
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ConsumerRecord<>(topic, 1, 42, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }
}
