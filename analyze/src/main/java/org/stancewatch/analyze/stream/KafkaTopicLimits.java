package org.stancewatch.analyze.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.kafka.KafkaClientProperties;
import org.stancewatch.model.kafka.KafkaTopics;

/** What the broker lets the job write: the largest record a topic takes. */
final class KafkaTopicLimits {
    private static final Logger log = LoggerFactory.getLogger(KafkaTopicLimits.class);

    private KafkaTopicLimits() {}

    /**
     * The topic's {@code max.message.bytes}, less room for a record batch's own header, and never
     * more than {@link KafkaTopics#MAX_RECORD_BYTES} (the producer's limit); that limit when the
     * broker does not say.
     */
    static int maxRecordBytes(AnalyzeSettings settings, String topic) {
        Map<String, Object> config = new HashMap<>(KafkaClientProperties.connectionOf(settings.streamsOverrides()));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(config)) {
            Config described = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            ConfigEntry entry = described.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            int topicLimit = entry == null ? KafkaTopics.MAX_RECORD_BYTES : Integer.parseInt(entry.value()) - 100;
            return Math.min(topicLimit, KafkaTopics.MAX_RECORD_BYTES);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Cannot read max.message.bytes of {} ({}); assuming {} bytes", topic, e.getMessage(),
                    KafkaTopics.MAX_RECORD_BYTES);
            return KafkaTopics.MAX_RECORD_BYTES;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KafkaTopics.MAX_RECORD_BYTES;
        }
    }
}
