package org.stancewatch.analyze.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.stream.monitor.JobCounters;

class StreamsPropertiesTest {

    static long pollInterval(Duration scoringTimeout) {
        Properties props = StreamsProperties.scoring(AnalyzeSettings.defaults("localhost:9092")
                .withScoringTimeout(scoringTimeout), new JobCounters());
        return ((Number) props.get(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG))).longValue();
    }

    @Test
    void halfTheScoringPollIntervalHoldsFiveArticlesRunningIntoTheDeadline() {
        for (Duration timeout : new Duration[] {Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5)}) {
            assertThat(pollInterval(timeout) / 2).as("half the interval at a %s deadline", timeout)
                    .isGreaterThanOrEqualTo(5 * timeout.toMillis());
        }
        assertThat(pollInterval(AnalyzeSettings.DEFAULT_SCORING_TIMEOUT)).isEqualTo(Duration.ofMinutes(10).toMillis());
    }

    @Test
    void aShortDeadlineKeepsFiveMinutesAndAHugeOneFitsTheConsumerSetting() {
        assertThat(pollInterval(Duration.ofSeconds(1))).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(pollInterval(Duration.ofDays(365))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void scoringReadsOnlyWhatTheCrawlerCommitted() {
        Properties scoring = StreamsProperties.scoring(AnalyzeSettings.defaults("localhost:9092"), new JobCounters());

        assertThat(scoring.get(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG)))
                .isEqualTo("read_committed");
    }

    @Test
    void scoringTakesFewArticlesPerPollAndAggregationIsExactlyOnce() {
        AnalyzeSettings settings = AnalyzeSettings.defaults("localhost:9092");
        Properties scoring = StreamsProperties.scoring(settings, new JobCounters());
        Properties aggregation = StreamsProperties.aggregation(settings, new JobCounters());

        assertThat(scoring.get(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG))).isEqualTo(10);
        assertThat(scoring.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.AT_LEAST_ONCE);
        assertThat(aggregation.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }
}
