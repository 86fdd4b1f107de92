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
 * Builds the dead-letter records the exception handlers hand back to Kafka Streams, which sends
 * them itself (in the same transaction as the rest of the task's output under exactly-once).
 * Shared by the three handlers, each configured with the same properties.
 */
final class DeadLetters {
    /** The stage named in every dead letter of this job. */
    static final String STAGE = "analyze";
    /** Config key under which the job passes its {@link JobCounters} to the handlers. */
    static final String COUNTERS_CONFIG = JobCounters.CONFIG_KEY;

    private final String topic;
    private final JobCounters counters;

    private DeadLetters(String topic, JobCounters counters) {
        this.topic = topic;
        this.counters = counters;
    }

    /**
     * The dead-letter topic is Kafka Streams' own setting {@code errors.dead.letter.queue.topic.name}
     * (custom handlers build their records themselves; the setting tells them where).
     */
    static DeadLetters configuredBy(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        Object counters = configs.get(COUNTERS_CONFIG);
        return new DeadLetters(topic == null ? KafkaTopics.ANALYZE_DLQ.name() : topic.toString(),
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
        DeadLetter letter = new DeadLetter(STAGE, reason, describe(error), subject,
                value == null ? null : new String(value, StandardCharsets.UTF_8), Instant.now());
        counters.deadLetter(reason);
        byte[] recordKey = key != null ? key : subject.getBytes(StandardCharsets.UTF_8);
        return List.of(new ProducerRecord<>(topic, null, recordKey, Codecs.DEAD_LETTER.write(letter)));
    }

    /** The record a context describes, as {@code topic-partition@offset}, or the punctuation. */
    static String subjectOf(ErrorHandlerContext context) {
        return context.topic() == null
                ? "punctuation of " + context.processorNodeId()
                : context.topic() + "-" + context.partition() + "@" + context.offset();
    }

    /** The message of the error and of its causes, which usually say more than the top one. */
    static String describe(Throwable error) {
        StringBuilder message = new StringBuilder();
        for (Throwable cause = error; cause != null && message.length() < 1_000; cause = cause.getCause()) {
            String text = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            int newline = text.indexOf('\n');
            text = newline < 0 ? text : text.substring(0, newline);
            if (message.indexOf(text) < 0) {
                if (!message.isEmpty()) {
                    message.append(": ");
                }
                message.append(text);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return message.toString();
    }
}
