package org.stancewatch.model.kafka;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the serdes of its keys and values, so that a producer and a consumer of
 * the same topic cannot disagree on the format.
 */
public record KafkaTopic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    public KafkaTopic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    @Override
    public String toString() {
        return name;
    }
}
