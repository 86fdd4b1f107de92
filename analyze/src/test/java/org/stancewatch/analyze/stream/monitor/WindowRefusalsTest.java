package org.stancewatch.analyze.stream.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class WindowRefusalsTest {

    private static Metric valued(double value) {
        return new Metric() {
            @Override
            public MetricName metricName() {
                return null;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        };
    }

    private static MetricName name(String name, String group, String task) {
        return new MetricName(name, group, "", Map.of("task-id", task));
    }

    @Test
    void sumsTheDroppedRecordsOfEveryTaskAndNothingElse() {
        Map<MetricName, Metric> metrics = new LinkedHashMap<>();
        metrics.put(name("dropped-records-total", "stream-task-metrics", "1_0"), valued(3854));
        metrics.put(name("dropped-records-total", "stream-task-metrics", "1_1"), valued(1564));
        metrics.put(name("dropped-records-rate", "stream-task-metrics", "1_1"), valued(27.2));
        metrics.put(name("records-lag", "consumer-fetch-manager-metrics", "1_1"), valued(900));

        assertThat(WindowRefusals.of(metrics)).isEqualTo(3854 + 1564);
        assertThat(WindowRefusals.of(Map.of())).isZero();
    }
}
