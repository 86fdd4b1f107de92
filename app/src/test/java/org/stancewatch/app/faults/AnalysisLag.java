package org.stancewatch.app.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.stancewatch.analyze.stream.AnalyzeSettings;

/**
 * How far the analyze job's two applications are behind, from the broker's view: committed
 * offsets against the last stable offsets of what each reads (the aggregation also reads its
 * own repartition topics).
 */
final class AnalysisLag {
    private AnalysisLag() {}

    /** Waits until nothing is left to read on two checks in a row, a second apart. */
    static void awaitCaughtUp(Admin admin, AnalyzeSettings settings, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int inARow = 0;
        while (inARow < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the analyze job '" + settings.applicationId()
                        + "' did not catch up within " + timeout.toSeconds() + " s; lag " + of(admin, settings));
            }
            inARow = of(admin, settings) == 0 ? inARow + 1 : 0;
            Thread.sleep(1_000);
        }
    }

    static long of(Admin admin, AnalyzeSettings settings) throws Exception {
        List<String> aggregationInputs = new ArrayList<>(List.of(settings.topics().mentions()));
        admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(name -> name.startsWith(settings.aggregationApplicationId() + "-") && name.endsWith("-repartition"))
                .forEach(aggregationInputs::add);
        return of(admin, settings.scoringApplicationId(), List.of(settings.topics().articles()))
                + of(admin, settings.aggregationApplicationId(), aggregationInputs);
    }

    private static long of(Admin admin, String group, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var topic : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata position = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (position == null ? 0 : position.offset()));
        }
        return lag;
    }
}
