package org.stancewatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stancewatch.model.json.MalformedRecordException;
import org.stancewatch.model.topic.Topic;
import org.stancewatch.model.topic.Topics;

class TopicsTest {

    @Test
    void topicNamesFollowTheDesign() {
        assertThat(Topics.all()).extracting(Topic::name).containsExactly(
                "stancewatch.articles", "stancewatch.mentions", "stancewatch.stance", "stancewatch.alerts",
                "stancewatch.ingest.dlq", "stancewatch.analyze.dlq", "stancewatch.index.dlq",
                "stancewatch.notify.dlq");
    }

    @Test
    void theCrawlStateTopicIsTheOneCompactedTopic() {
        assertThat(Topics.compacted()).extracting(Topic::name).containsExactly("stancewatch.crawl-state", "stancewatch.sources",
                "stancewatch.notify-ledger");
        assertThat(Topics.all()).extracting(Topic::name).doesNotContain("stancewatch.crawl-state");
    }

    @Test
    void aTopicsSerdesRoundTripItsRecords() {
        Article article = RecordJsonTest.article();
        byte[] bytes = Topics.ARTICLES.valueSerde().serializer().serialize("t", article);

        assertThat(Topics.ARTICLES.valueSerde().deserializer().deserialize("t", bytes)).isEqualTo(article);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(Topics.MENTIONS.valueSerde().serializer().serialize("t", null)).isNull();
        assertThat(Topics.MENTIONS.valueSerde().deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void aDeserializerGivenGarbageThrowsInsteadOfReturningNull() {
        assertThatThrownBy(() -> Topics.ALERTS.valueSerde().deserializer().deserialize("t", new byte[] {1, 2, 3}))
                .isInstanceOf(MalformedRecordException.class);
    }
}
