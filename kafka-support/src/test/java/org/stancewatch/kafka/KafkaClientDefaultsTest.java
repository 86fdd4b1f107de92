package org.stancewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaClientDefaultsTest {

    @Test
    void aGroupConsumerCommitsItselfAndReadsOnlyCommittedTransactions() {
        Map<String, Object> props = KafkaClientDefaults.groupConsumer("broker:9092", "group", "client", "latest", 500,
                Map.of("security.protocol", "SASL_SSL"));

        assertThat(props).containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "group")
                .containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "client")
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void aSafeProducerWaitsForAllReplicasAndIsIdempotent() {
        Map<String, Object> props = KafkaClientDefaults.safeProducer("broker:9092", "client", Map.of());

        assertThat(props).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "client");
    }

    @Test
    void theCallersOverridesComeLast() {
        assertThat(KafkaClientDefaults.safeProducer("broker:9092", "client", Map.of(ProducerConfig.ACKS_CONFIG, "1")))
                .containsEntry(ProducerConfig.ACKS_CONFIG, "1");
    }
}
