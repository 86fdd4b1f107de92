package org.stancewatch.analyze.stream.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.analyze.stream.AggregationTopology;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.analyze.stream.ScoringTopology;
import org.stancewatch.analyze.stream.StreamsProperties;
import org.stancewatch.analyze.stream.aggregate.SeriesKey;
import org.stancewatch.analyze.stream.monitor.JobCounters;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * The job's two applications in {@link TopologyTestDriver}s, with the configuration they run
 * under, joined by the mentions topic as in production: what scoring publishes is piped into
 * aggregation, records and timestamps unchanged. Collects every output.
 */
public final class PipelineDriver implements AutoCloseable {
    private final AnalyzeSettings settings;
    private final JobCounters counters = new JobCounters();
    private final Path stateDir;
    private final TopologyTestDriver scoring;
    private final TopologyTestDriver aggregation;
    private final TestInputTopic<String, Article> articles;
    private final TestInputTopic<byte[], byte[]> rawArticles;
    private final TestInputTopic<byte[], byte[]> rawMentions;
    private final TestOutputTopic<String, Mention> published;
    private final TestInputTopic<String, Mention> mentionsIn;
    private final TestOutputTopic<String, StanceBucket> stance;
    private final TestOutputTopic<String, Alert> alertsOut;
    private final List<TestOutputTopic<String, DeadLetter>> deadLetterTopics;

    private final List<TestRecord<String, Mention>> mentionLog = new ArrayList<>();
    private final Map<String, StanceBucket> buckets = new LinkedHashMap<>();
    private final List<StanceBucket> bucketUpdates = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    public PipelineDriver(StanceScorer scorer, AnalyzeSettings settings, Instant wallClock) {
        try {
            this.stateDir = Files.createTempDirectory("analyze-ttd");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.settings = settings.withStateDir(stateDir);
        Properties scoringProps = StreamsProperties.scoring(this.settings, counters);
        Properties aggregationProps = StreamsProperties.aggregation(this.settings, counters);
        this.scoring = new TopologyTestDriver(ScoringTopology.build(scorer, this.settings, counters), scoringProps,
                wallClock);
        this.aggregation = new TopologyTestDriver(AggregationTopology.build(this.settings, counters), aggregationProps,
                wallClock);
        var names = this.settings.topics();
        articles = scoring.createInputTopic(names.articles(), Serdes.String().serializer(),
                KafkaTopics.ARTICLES.valueSerde().serializer());
        rawArticles = scoring.createInputTopic(names.articles(), new ByteArraySerializer(), new ByteArraySerializer());
        published = scoring.createOutputTopic(names.mentions(), Serdes.String().deserializer(),
                KafkaTopics.MENTIONS.valueSerde().deserializer());
        mentionsIn = aggregation.createInputTopic(names.mentions(), Serdes.String().serializer(),
                KafkaTopics.MENTIONS.valueSerde().serializer());
        rawMentions = aggregation.createInputTopic(names.mentions(), new ByteArraySerializer(),
                new ByteArraySerializer());
        stance = aggregation.createOutputTopic(names.stance(), Serdes.String().deserializer(),
                KafkaTopics.STANCE.valueSerde().deserializer());
        alertsOut = aggregation.createOutputTopic(names.alerts(), Serdes.String().deserializer(),
                KafkaTopics.ALERTS.valueSerde().deserializer());
        deadLetterTopics = List.of(
                scoring.createOutputTopic(names.deadLetters(), Serdes.String().deserializer(),
                        KafkaTopics.ANALYZE_DLQ.valueSerde().deserializer()),
                aggregation.createOutputTopic(names.deadLetters(), Serdes.String().deserializer(),
                        KafkaTopics.ANALYZE_DLQ.valueSerde().deserializer()));
    }

    public PipelineDriver(StanceScorer scorer, AnalyzeSettings settings) {
        this(scorer, settings, Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Sends articles through scoring and their mentions through aggregation. */
    public PipelineDriver send(Article... sent) {
        for (Article article : sent) {
            articles.pipeInput(article.id(), article, article.publishedAt());
            pump();
        }
        return this;
    }

    /** Sends an article tombstone. */
    public PipelineDriver withdraw(String articleId) {
        articles.pipeInput(articleId, null);
        pump();
        return this;
    }

    /** Sends raw bytes as an article record (e.g. a poison record). */
    public PipelineDriver sendRawArticle(String key, byte[] value) {
        rawArticles.pipeInput(key == null ? null : key.getBytes(), value);
        pump();
        return this;
    }

    /** Sends raw bytes straight to the aggregation application's mentions input. */
    public PipelineDriver sendRawMention(String key, byte[] value) {
        rawMentions.pipeInput(key == null ? null : key.getBytes(), value);
        pump();
        return this;
    }

    /** Sends mention records straight to aggregation, as a repeating scoring application would. */
    public PipelineDriver replayMentions(List<TestRecord<String, Mention>> records) {
        for (TestRecord<String, Mention> record : records) {
            mentionsIn.pipeInput(record);
        }
        collect();
        return this;
    }

    /** Advances both drivers' wall clocks (runs wall-clock punctuations). */
    public PipelineDriver advanceWallClock(java.time.Duration by) {
        scoring.advanceWallClockTime(by);
        aggregation.advanceWallClockTime(by);
        pump();
        return this;
    }

    private void pump() {
        while (!published.isEmpty()) {
            TestRecord<String, Mention> record = published.readRecord();
            mentionLog.add(record);
            mentionsIn.pipeInput(record);
        }
        collect();
    }

    private void collect() {
        while (!stance.isEmpty()) {
            StanceBucket bucket = stance.readValue();
            buckets.put(bucket.id(), bucket);
            bucketUpdates.add(bucket);
        }
        while (!alertsOut.isEmpty()) {
            alerts.add(alertsOut.readValue());
        }
        for (TestOutputTopic<String, DeadLetter> topic : deadLetterTopics) {
            while (!topic.isEmpty()) {
                deadLetters.add(topic.readValue());
            }
        }
    }

    /** Every record scoring published, tombstones included, in order. */
    public List<TestRecord<String, Mention>> mentionLog() {
        return mentionLog;
    }

    /** The mentions currently live: the latest value per id, without the retracted ones. */
    public Map<String, Mention> liveMentions() {
        Map<String, Mention> live = new LinkedHashMap<>();
        for (TestRecord<String, Mention> record : mentionLog) {
            if (record.value() == null) {
                live.remove(record.key());
            } else {
                live.put(record.key(), record.value());
            }
        }
        return live;
    }

    /** The latest value of every bucket. */
    public Map<String, StanceBucket> buckets() {
        return buckets;
    }

    public List<StanceBucket> bucketUpdates() {
        return bucketUpdates;
    }

    /** The latest value of one series' bucket, if any was written. */
    public Optional<StanceBucket> bucket(SeriesKey series, String granularity, Instant windowStart) {
        return Optional.ofNullable(buckets.get(StanceBucket.idFor(series.actor(), series.topic(), series.outlet(),
                series.holder(), granularity, windowStart)));
    }

    public List<Alert> alerts() {
        return alerts;
    }

    public List<DeadLetter> deadLetters() {
        return deadLetters;
    }

    public JobCounters counters() {
        return counters;
    }

    public AnalyzeSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        scoring.close();
        aggregation.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
