package org.stancewatch.analyze.stream.errors;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.stancewatch.analyze.stream.monitor.JobCounters;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * The dead-letter records the exception handlers hand back to Kafka Streams, which sends them
 * itself (in the same transaction as the rest of the task's output under exactly-once): each
 * addressed to the job's dead-letter topic, keyed and counted. Shared by the three handlers, each
 * configured with the same properties.
 */
final class DeadLetterRecords {
    /** Config key under which the job passes its {@link JobCounters} to the handlers. */
    static final String COUNTERS_CONFIG = JobCounters.CONFIG_KEY;

    private final String topic;
    private final JobCounters counters;

    private DeadLetterRecords(String topic, JobCounters counters) {
        this.topic = topic;
        this.counters = counters;
    }

    /**
     * The dead-letter topic is Kafka Streams' own setting {@code errors.dead.letter.queue.topic.name}
     * (custom handlers build their records themselves; the setting tells them where).
     */
    static DeadLetterRecords configuredBy(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        Object counters = configs.get(COUNTERS_CONFIG);
        return new DeadLetterRecords(topic == null ? KafkaTopics.ANALYZE_DLQ.name() : topic.toString(),
                counters instanceof JobCounters given ? given : new JobCounters());
    }

    String topic() {
        return topic;
    }

    /** Counts a dead letter the broker refused for good. */
    void lost() {
        counters.deadLetterLost();
    }

    /** One dead letter about the record the context describes, keyed by the record's own key. */
    List<ProducerRecord<byte[], byte[]>> about(ErrorHandlerContext context, byte[] key, byte[] value,
                                               String reason, Exception error) {
        String subject = subjectOf(context);
        DeadLetter letter = DeadLetter.ofInput(DeadLetter.ANALYZE, subject, DeadLetter.payloadOf(value), reason,
                DeadLetter.messageOf(error), Instant.now());
        counters.deadLetter(reason);
        byte[] recordKey = key != null ? key : subject.getBytes(StandardCharsets.UTF_8);
        return List.of(new ProducerRecord<>(topic, null, recordKey, Codecs.DEAD_LETTER.write(letter)));
    }

    /** The record a context describes, as {@code topic-partition@offset}, or the punctuation. */
    static String subjectOf(ErrorHandlerContext context) {
        return context.topic() == null
                ? "punctuation of " + context.processorNodeId()
                : DeadLetter.subjectOf(context.topic(), context.partition(), context.offset());
    }
}
