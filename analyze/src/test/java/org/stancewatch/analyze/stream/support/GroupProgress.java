package org.stancewatch.analyze.stream.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.stancewatch.analyze.stream.AnalyzeSettings;

/** Whether the job has consumed and committed everything there is, read from the broker. */
public final class GroupProgress {
    private GroupProgress() {}

    /**
     * True when both applications have committed offsets at the end of all their inputs: the
     * scoring application's articles, the aggregation's mentions and every repartition topic it
     * feeds itself (the series, and the attention branch's when it runs).
     */
    public static boolean caughtUp(Admin admin, AnalyzeSettings settings) {
        String aggregation = settings.aggregationApplicationId();
        List<String> aggregationInputs = new ArrayList<>(List.of(settings.topics().mentions()));
        try {
            admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(aggregation + "-") && name.endsWith("-repartition"))
                    .forEach(aggregationInputs::add);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
        // before the application has created its series repartition topic it has not started at all
        return aggregationInputs.contains(aggregation + "-series-repartition")
                && caughtUp(admin, settings.scoringApplicationId(), List.of(settings.topics().articles()))
                && caughtUp(admin, aggregation, aggregationInputs);
    }

    static boolean caughtUp(Admin admin, String group, List<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = new ArrayList<>();
            for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
                description.partitions().forEach(p -> partitions.add(new TopicPartition(description.name(), p.partition())));
            }
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition).offset();
                OffsetAndMetadata offset = committed.get(partition);
                if (end > 0 && (offset == null || offset.offset() < end)) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false; // the group or a repartition topic does not exist yet
        }
    }

    /** Waits until the job is caught up on two checks in a row, a second apart. */
    public static void awaitCaughtUp(Admin admin, AnalyzeSettings settings, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int inARow = 0;
        while (inARow < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the job did not catch up within " + timeout);
            }
            inARow = caughtUp(admin, settings) ? inARow + 1 : 0;
            Thread.sleep(1_000);
        }
    }
}
