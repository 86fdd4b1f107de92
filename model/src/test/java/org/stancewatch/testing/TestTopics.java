package org.stancewatch.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** Topics on the embedded broker for the stages' integration tests: created ready to write, limited. */
public final class TestTopics {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TestTopics() {}

    /**
     * Creates the topics and waits until every partition has a leader: a producer that writes to
     * a topic in the moment after its creation can get its first batch refused and, idempotent,
     * keep failing the next.
     */
    public static void create(Admin admin, List<NewTopic> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        admin.createTopics(topics).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<String> names = topics.stream().map(NewTopic::name).toList();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!haveLeaders(admin, names)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the test topics got no leaders within " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    /** Sets a topic's largest record ({@code max.message.bytes}), as an operator might: a small one makes writes fail. */
    public static void limitRecordSize(Admin admin, String topic, int bytes)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp limit = new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                Integer.toString(bytes)), AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(limit))).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static boolean haveLeaders(Admin admin, List<String> names) throws InterruptedException, TimeoutException {
        try {
            return admin.describeTopics(names).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).values()
                    .stream().allMatch(d -> d.partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        } catch (ExecutionException notYet) {
            return false; // the topics have not reached the broker's metadata yet
        }
    }
}
