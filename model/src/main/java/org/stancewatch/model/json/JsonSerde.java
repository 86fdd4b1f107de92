package org.stancewatch.model.json;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} for one record type. A {@code null} value is a tombstone both ways;
 * anything else that cannot be read throws a {@link RecordFormatException}.
 */
public final class JsonSerde<T extends Record> implements Serde<T> {
    private final RecordCodec<T> codec;

    public JsonSerde(RecordCodec<T> codec) {
        this.codec = codec;
    }

    public RecordCodec<T> codec() {
        return codec;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : codec.write(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : codec.read(bytes);
    }
}
