package org.stancewatch.analyze.stream.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.analyze.stream.AnalyzeJob;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.analyze.stream.support.JobStates;
import org.stancewatch.analyze.stream.support.KafkaTestTopics;
import org.stancewatch.analyze.stream.support.KeywordStanceScorer;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.model.Alert;
import org.stancewatch.model.AlertKind;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.kafka.KafkaTopicNames;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * Attention bursts on a real broker with three partitions: a series' mentions and the day totals
 * of all mentions live on different partitions, so the burst is found only if the totals reach
 * every detector task (repartitioned by day, announced to each partition).
 */
@ExtendWith(EmbeddedServicesExtension.class)
class AttentionIT {

    @Test
    void aBurstIsFoundWhenTheSeriesAndTheDayTotalsLiveOnDifferentPartitions(EmbeddedServices services,
            @TempDir Path state) throws Exception {
        String run = "it-attention-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestTopics topics = new KafkaTestTopics(services.kafkaBootstrapServers(),
                KafkaTopicNames.ofAnalyze().suffixed("." + run))
                .create(3);
        AnalyzeSettings settings = AnalyzeSettings.defaults(services.kafkaBootstrapServers())
                .withApplicationId(run).withTopics(topics.names()).withStateDir(state)
                .withProgressInterval(Duration.ZERO);
        topics.send(AttentionTopologyTest.coverage());

        try (AnalyzeJob job = AnalyzeJob.start(settings, new KeywordStanceScorer())) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> attentionAlerts(topics).size() >= 2);
            // give a spurious alert of another series time to arrive too
            Thread.sleep(5_000);

            List<Alert> attention = attentionAlerts(topics);
            assertThat(attention).extracting(a -> a.actor() + "/" + a.topic()).containsExactlyInAnyOrder(
                    "iran/" + StanceBucket.ALL, StanceBucket.ALL + "/iran");
            assertThat(attention).allSatisfy(alert -> {
                assertThat(alert.recentMean()).isGreaterThan(alert.baselineMean() * 3);
                assertThat(alert.evidence()).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.sentence()).contains("Tehran"));
            });
            JobStates.assertSettlesRunning(job);
        }
    }

    /** The attention alerts on the topic, the latest record of each id. */
    private static List<Alert> attentionAlerts(KafkaTestTopics topics) {
        Map<String, Alert> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, Alert> record : topics.readAll(topics.names().alerts(),
                KafkaTopics.ALERTS.valueSerde().deserializer())) {
            if (record.value().kind() == AlertKind.ATTENTION) {
                latest.put(record.key(), record.value());
            }
        }
        return List.copyOf(latest.values());
    }
}
