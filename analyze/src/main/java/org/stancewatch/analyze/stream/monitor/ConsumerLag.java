package org.stancewatch.analyze.stream.monitor;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How many records a Kafka Streams application has yet to read: the sum of its main consumers'
 * per-partition {@code records-lag} metrics (input and repartition topics; restore consumers
 * are left out). Known only after the consumers' first fetch.
 */
public final class ConsumerLag {
    private ConsumerLag() {}

    /** The total lag, or -1 while no consumer has reported one. */
    public static long of(KafkaStreams streams) {
        return of(streams.metrics());
    }

    static long of(Map<MetricName, ? extends Metric> metrics) {
        long total = 0;
        boolean seen = false;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (!name.name().equals("records-lag") || !name.group().equals("consumer-fetch-manager-metrics")
                    || !name.tags().containsKey("partition")
                    || name.tags().getOrDefault("client-id", "").contains("restore-consumer")) {
                continue;
            }
            if (entry.getValue().metricValue() instanceof Number lag && !Double.isNaN(lag.doubleValue())) {
                total += Math.max(0, lag.longValue());
                seen = true;
            }
        }
        return seen ? total : -1;
    }
}
