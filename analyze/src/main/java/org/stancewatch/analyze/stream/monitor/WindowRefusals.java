package org.stancewatch.analyze.stream.monitor;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Contributions the aggregation dropped because their windows had closed: the sum of its
 * tasks' {@code dropped-records-total}. It happens when the job's partitions drift apart in event
 * time by more than the grace plus the reorder allowance while it catches up on a backlog; the
 * trends then lack those mentions, so the progress line says so. Kafka Streams drops these
 * metrics when the application closes: read them while it runs.
 */
public final class WindowRefusals {
    private WindowRefusals() {}

    public static long of(KafkaStreams streams) {
        return of(streams.metrics());
    }

    static long of(Map<MetricName, ? extends Metric> metrics) {
        long total = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (name.name().equals("dropped-records-total") && name.group().equals("stream-task-metrics")
                    && entry.getValue().metricValue() instanceof Number dropped) {
                total += (long) dropped.doubleValue();
            }
        }
        return total;
    }
}
