package org.stancewatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stancewatch.model.json.MalformedRecordException;
import org.stancewatch.model.kafka.KafkaTopic;
import org.stancewatch.model.kafka.KafkaTopics;

class KafkaTopicsTest {

    @Test
    void topicNamesFollowTheDesign() {
        assertThat(KafkaTopics.all()).extracting(KafkaTopic::name).containsExactly(
                "stancewatch.articles", "stancewatch.mentions", "stancewatch.stance", "stancewatch.alerts",
                "stancewatch.ingest.dlq", "stancewatch.analyze.dlq", "stancewatch.index.dlq",
                "stancewatch.notify.dlq");
    }

    @Test
    void theCrawlStateTopicIsTheOneCompactedTopic() {
        assertThat(KafkaTopics.compacted()).extracting(KafkaTopic::name).containsExactly("stancewatch.crawl-state",
                "stancewatch.sources",
                "stancewatch.notify-ledger");
        assertThat(KafkaTopics.all()).extracting(KafkaTopic::name).doesNotContain("stancewatch.crawl-state");
    }

    @Test
    void aTopicsSerdesRoundTripItsRecords() {
        Article article = RecordJsonTest.article();
        byte[] bytes = KafkaTopics.ARTICLES.valueSerde().serializer().serialize("t", article);

        assertThat(KafkaTopics.ARTICLES.valueSerde().deserializer().deserialize("t", bytes)).isEqualTo(article);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(KafkaTopics.MENTIONS.valueSerde().serializer().serialize("t", null)).isNull();
        assertThat(KafkaTopics.MENTIONS.valueSerde().deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void aDeserializerGivenGarbageThrowsInsteadOfReturningNull() {
        assertThatThrownBy(() -> KafkaTopics.ALERTS.valueSerde().deserializer().deserialize("t", new byte[] {1, 2, 3}))
                .isInstanceOf(MalformedRecordException.class);
    }
}
