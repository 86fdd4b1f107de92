package org.stancewatch.index.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.index.testing.TestRecords;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.json.Codecs;

/** Which of two writes of one document waiting for its slot is kept: the dispatcher asks {@code isOlderRevisionThan}. */
class PendingDocumentTest {
    private static final Instant DAY = Instant.parse("2011-03-01T10:00:00Z");
    private final DocumentDecoder decoder = new DocumentDecoder(IndexLayout.defaults());
    private final Article first = TestRecords.article("example.com", "revised", DAY, 1, "Russia warned NATO.");
    private final Article second = TestRecords.article("example.com", "revised", DAY, 2, "Russia warned NATO.");

    @Test
    void aLateCopyOfAnOlderRevisionsMentionIsOlderThanTheNewerOneWaiting() {
        PendingDocument newer = mention(second);
        PendingDocument lateCopy = mention(first);

        assertThat(lateCopy.id()).isEqualTo(newer.id());
        assertThat(lateCopy.isOlderRevisionThan(newer)).isTrue();
        assertThat(newer.isOlderRevisionThan(lateCopy)).isFalse();
    }

    @Test
    void aRepeatOfTheSameRevisionIsNotOlderSoTheLaterOneReplacesTheWaitingOne() {
        assertThat(mention(second).isOlderRevisionThan(mention(second))).isFalse();
    }

    @Test
    void anOlderArticleRevisionIsOlderThanTheNewerArticle() {
        PendingDocument newer = article(second);
        assertThat(article(first).isOlderRevisionThan(newer)).isTrue();
    }

    @Test
    void aTombstoneIsNeverAnOlderRevisionAndIsNeverPassedOverEither() {
        PendingDocument tombstone = decoder.decode(record("stancewatch.mentions", mention(second).id(), null),
                IndexKind.MENTIONS);
        assertThat(tombstone.isOlderRevisionThan(mention(second))).isFalse();
        assertThat(mention(first).isOlderRevisionThan(tombstone)).isFalse();
    }

    private PendingDocument mention(Article article) {
        Mention mention = TestRecords.mention(article, 0, "russia", -0.5);
        return decoder.decode(record("stancewatch.mentions", mention.id(), Codecs.MENTION.write(mention)),
                IndexKind.MENTIONS);
    }

    private PendingDocument article(Article article) {
        return decoder.decode(record("stancewatch.articles", article.id(), Codecs.ARTICLE.write(article)),
                IndexKind.ARTICLES);
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ConsumerRecord<>(topic, 0, 7, key.getBytes(StandardCharsets.UTF_8), value);
    }
}
