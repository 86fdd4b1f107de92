package org.stancewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class KafkaTopicReaderTest {
    private static final String TOPIC = "stancewatch.sources";
    private static final TopicPartition FIRST = new TopicPartition(TOPIC, 0);
    private static final TopicPartition SECOND = new TopicPartition(TOPIC, 1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MockConsumer<String, String> consumer = new MockConsumer<>("none");

    @Test
    void readsEveryPartitionFromItsBeginningToTheEndItHadWhenTheReadStarted() {
        topicEndingAt(Map.of(FIRST, 2L, SECOND, 1L));
        // the second partition's second record was written after the read took its end offsets
        onNextPoll(record(FIRST, 0, "a"), record(FIRST, 1, "b"), record(SECOND, 0, "c"), record(SECOND, 1, "written later"));

        List<ConsumerRecord<String, String>> records = KafkaTopicReader.readToEnd(consumer, TOPIC, TIMEOUT);

        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(consumer.assignment()).containsExactlyInAnyOrder(FIRST, SECOND);
    }

    @Test
    void aTopicReadFromPastItsDeletedRecordsStartsAtItsFirstKeptOne() {
        topicEndingAt(Map.of(FIRST, 6L));
        consumer.updateBeginningOffsets(Map.of(FIRST, 5L));
        onNextPoll(record(FIRST, 5, "kept"));

        assertThat(KafkaTopicReader.readToEnd(consumer, TOPIC, TIMEOUT)).extracting(ConsumerRecord::value).containsExactly("kept");
    }

    @Test
    void anEmptyTopicIsReadWithoutWaiting() {
        topicEndingAt(Map.of(FIRST, 0L));

        assertThat(KafkaTopicReader.readToEnd(consumer, TOPIC, TIMEOUT)).isEmpty();
    }

    @Test
    void aTopicThatDoesNotExistHasNoPartitionsAndReadsAsEmpty() {
        consumer.updatePartitions(TOPIC, List.of());

        assertThat(KafkaTopicReader.partitionsOf(consumer, TOPIC, TIMEOUT)).isEmpty();
        assertThat(KafkaTopicReader.readToEnd(consumer, TOPIC, TIMEOUT)).isEmpty();
        assertThat(consumer.assignment()).isEmpty();
    }

    @Test
    void eachRecordIsHandedOnBeforeTheNextPoll() {
        topicEndingAt(Map.of(FIRST, 2L));
        List<String> handed = new ArrayList<>();
        List<String> handedBeforeSecondPoll = new ArrayList<>();
        onNextPoll(record(FIRST, 0, "a"));
        consumer.schedulePollTask(() -> {
            handedBeforeSecondPoll.addAll(handed);
            consumer.addRecord(record(FIRST, 1, "b"));
        });

        KafkaTopicReader.readToEnd(consumer, KafkaTopicReader.partitionsOf(consumer, TOPIC, TIMEOUT), TIMEOUT,
                record -> handed.add(record.value()));

        assertThat(handedBeforeSecondPoll).containsExactly("a");
        assertThat(handed).containsExactly("a", "b");
    }

    @Test
    void aReadThatDoesNotReachTheEndInTimeSaysWhichTopicAndHowFarItGot() {
        topicEndingAt(Map.of(FIRST, 5L, SECOND, 1L));
        onNextPoll(record(FIRST, 0, "a"), record(FIRST, 1, "b"), record(SECOND, 0, "c"));

        assertThatThrownBy(() -> KafkaTopicReader.readToEnd(consumer, TOPIC, Duration.ofMillis(300)))
                .isInstanceOf(KafkaReadTimeoutException.class)
                .hasMessage("could not read stancewatch.sources to its end within 300 ms: 3 records read; "
                        + "stancewatch.sources-0 at 2 of 5");
    }

    @Test
    void aClientCallThatRunsOutOfTheTimeLeftEndsTheReadTheSameWay() {
        MockConsumer<String, String> slow = new MockConsumer<>("none") {
            @Override
            public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout) {
                throw new TimeoutException("no answer within " + timeout.toMillis() + " ms");
            }
        };
        slow.updatePartitions(TOPIC, List.of(partitionInfo(FIRST)));

        assertThatThrownBy(() -> KafkaTopicReader.readToEnd(slow, TOPIC, Duration.ofSeconds(60)))
                .isInstanceOf(KafkaReadTimeoutException.class)
                .hasMessage("could not read stancewatch.sources to its end within 60 s: its end offsets did not come")
                .hasCauseInstanceOf(TimeoutException.class);
    }

    /** The topic with these partitions, each from offset 0 to its end offset. */
    private void topicEndingAt(Map<TopicPartition, Long> endOffsets) {
        consumer.updatePartitions(TOPIC, endOffsets.keySet().stream().map(KafkaTopicReaderTest::partitionInfo).toList());
        Map<TopicPartition, Long> beginnings = new HashMap<>();
        endOffsets.keySet().forEach(partition -> beginnings.put(partition, 0L));
        consumer.updateBeginningOffsets(beginnings);
        consumer.updateEndOffsets(endOffsets);
    }

    /** The records come with a poll, as from a broker (the mock takes records only once they are assigned). */
    @SafeVarargs
    private void onNextPoll(ConsumerRecord<String, String>... records) {
        consumer.schedulePollTask(() -> Arrays.stream(records).forEach(consumer::addRecord));
    }

    private static PartitionInfo partitionInfo(TopicPartition partition) {
        return new PartitionInfo(partition.topic(), partition.partition(), Node.noNode(), new Node[0], new Node[0]);
    }

    private static ConsumerRecord<String, String> record(TopicPartition partition, long offset, String value) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "key-" + value, value);
    }
}
