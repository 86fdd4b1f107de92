package org.stancewatch.analyze.stream.monitor;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The job's figures as Micrometer meters: its own counters ({@code stancewatch.analyze.*}),
 * the lag of each application, and every Kafka Streams metric of both (throughput such as
 * {@code kafka.stream.thread.process.rate}, {@code records-lag}, dropped late records...),
 * tagged with {@code application=scoring|aggregation}.
 */
public final class JobMetrics implements AutoCloseable {
    private final List<KafkaStreamsMetrics> streamsMetrics;

    private JobMetrics(List<KafkaStreamsMetrics> streamsMetrics) {
        this.streamsMetrics = streamsMetrics;
    }

    public static JobMetrics bind(MeterRegistry registry, JobCounters counters, KafkaStreams scoring,
                                  KafkaStreams aggregation) {
        counter(registry, "articles", "article revisions read", counters, JobCounters::articlesIn);
        counter(registry, "mentions", "mentions published", counters, JobCounters::mentionsOut);
        counter(registry, "mentions.retracted", "mentions retracted by revisions", counters,
                JobCounters::mentionsRetracted);
        counter(registry, "bucket.updates", "stance bucket updates written", counters, JobCounters::bucketUpdates);
        counter(registry, "alerts", "alerts raised", counters, JobCounters::alerts);
        counter(registry, "dead.letters", "records sent to the dead-letter topic", counters, JobCounters::deadLetters);
        counter(registry, "dead.letters.lost", "dead letters the broker refused for good", counters,
                JobCounters::deadLettersLost);
        Gauge.builder("stancewatch.analyze.lag", scoring, streams -> ConsumerLag.of(streams))
                .tag("application", "scoring").description("records not yet read").register(registry);
        Gauge.builder("stancewatch.analyze.lag", aggregation, streams -> ConsumerLag.of(streams))
                .tag("application", "aggregation").description("records not yet read").register(registry);
        KafkaStreamsMetrics scoringMetrics = new KafkaStreamsMetrics(scoring, Tags.of("application", "scoring"));
        KafkaStreamsMetrics aggregationMetrics = new KafkaStreamsMetrics(aggregation,
                Tags.of("application", "aggregation"));
        scoringMetrics.bindTo(registry);
        aggregationMetrics.bindTo(registry);
        return new JobMetrics(List.of(scoringMetrics, aggregationMetrics));
    }

    private static void counter(MeterRegistry registry, String name, String description, JobCounters counters,
                                ToDoubleFunction<JobCounters> value) {
        FunctionCounter.builder("stancewatch.analyze." + name, counters, value).description(description)
                .register(registry);
    }

    @Override
    public void close() {
        streamsMetrics.forEach(KafkaStreamsMetrics::close);
    }
}
