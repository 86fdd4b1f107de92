package org.stancewatch.analyze.stream;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.stancewatch.analyze.stream.errors.DeadLetterDeserializationHandler;
import org.stancewatch.analyze.stream.errors.DeadLetterProcessingHandler;
import org.stancewatch.analyze.stream.errors.DeadLetterProductionHandler;
import org.stancewatch.analyze.stream.monitor.JobCounters;

/**
 * The Kafka Streams configuration of the job's two applications, built from {@link
 * AnalyzeSettings} with {@link StreamsConfig} constants; separate from the topologies so that
 * tests run the same topologies under the same configuration.
 *
 * <p>Guarantees, chosen per application (docs/analyze.md, "Guarantees"):
 * <ul>
 *   <li><b>scoring: at-least-once</b>, slow records. Small polls so a thread returns to the
 *       group often; a poll interval well above the scoring deadline, so one slow article
 *       never costs the thread its partitions; frequent commits, so a crash re-scores little.
 *       Its repeats are harmless: its output is idempotent.
 *   <li><b>aggregation: exactly-once v2</b>, cheap records, a transaction a second.
 * </ul>
 * Both send unreadable records, failed records and timed-out articles to the dead-letter topic
 * through Kafka Streams' exception handlers and its dead-letter-queue setting.
 */
public final class StreamsProperties {
    /** Articles a scoring thread takes per poll: a few, since each may take seconds. */
    static final int SCORING_MAX_POLL_RECORDS = 10;
    static final Duration SCORING_COMMIT_INTERVAL = Duration.ofSeconds(1);
    static final Duration AGGREGATION_COMMIT_INTERVAL = Duration.ofSeconds(1);
    /** Least max.poll.interval.ms of the scoring application. */
    static final Duration SCORING_MIN_POLL_INTERVAL = Duration.ofMinutes(5);
    /** Articles in a row that may each run into the scoring deadline without costing the group. */
    static final int SCORING_TIMEOUTS_PER_POLL = 5;
    /** Longer than any span of publication times the job will see: a century. */
    static final Duration WINDOW_CHANGELOG_RETENTION = Duration.ofDays(36_525);

    private StreamsProperties() {}

    public static Properties scoring(AnalyzeSettings settings, JobCounters counters) {
        Properties props = common(settings, counters, settings.scoringApplicationId(), settings.scoringThreads());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        // The crawler publishes in transactions; at-least-once alone would read uncommitted records
        // and score (and so index) the articles of a transaction the crawler then aborted.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, SCORING_COMMIT_INTERVAL.toMillis());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), SCORING_MAX_POLL_RECORDS);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG),
                scoringPollInterval(settings.scoringTimeout()));
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), true);
        return withOverrides(props, settings);
    }

    /**
     * The scoring application's {@code max.poll.interval.ms}. Streams polls again once half of it
     * has gone by, but checks only between processing rounds, and one round takes the next
     * article of each of the thread's tasks (one per partition it owns; more than one per task
     * only while records are fast). So half of it must hold a round in which several articles
     * each run into the deadline: {@value #SCORING_TIMEOUTS_PER_POLL} of them, 10 minutes at the
     * default 60 s. The interval only catches a thread that is alive but stuck (a crashed process
     * is caught by the session timeout), and the watchdog bounds scoring, so a long one costs
     * little, while a short one would make the group rebalance and re-score in a loop.
     */
    static int scoringPollInterval(Duration scoringTimeout) {
        long interval = Math.max(SCORING_MIN_POLL_INTERVAL.toMillis(),
                2L * SCORING_TIMEOUTS_PER_POLL * scoringTimeout.toMillis());
        return (int) Math.min(interval, Integer.MAX_VALUE);
    }

    public static Properties aggregation(AnalyzeSettings settings, JobCounters counters) {
        Properties props = common(settings, counters, settings.aggregationApplicationId(),
                settings.aggregationThreads());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // One transaction a second rather than Streams' exactly-once default of ten: each commit
        // writes markers to every changelog and output partition, and news needs no lower latency.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, AGGREGATION_COMMIT_INTERVAL.toMillis());
        // The windows' changelog records carry the articles' publication times, often years old,
        // and the broker deletes by timestamp: with Streams' default retention (window size +
        // grace + 1 day) it would delete them at once, and the windows restored after a crash
        // would come back empty. The changelogs are compacted per window, so they stay bounded
        // by the windows there are; the local stores still drop windows past their grace.
        props.put(StreamsConfig.WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG, WINDOW_CHANGELOG_RETENTION.toMillis());
        return withOverrides(props, settings);
    }

    private static Properties common(AnalyzeSettings settings, JobCounters counters, String applicationId, int threads) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, settings.topics().deadLetters());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        // No global stores here; enabled as Kafka 5 will have it, which also silences its warning
        // (the partition assignor reads its own copy of the config from the consumer's settings).
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG),
                "true");
        // Handed to the handlers' configure(): Kafka creates them, the job counts what they do.
        props.put(JobCounters.CONFIG_KEY, counters);
        return props;
    }

    private static Properties withOverrides(Properties props, AnalyzeSettings settings) {
        props.putAll(settings.streamsOverrides());
        return props;
    }
}
