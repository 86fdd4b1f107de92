package org.stancewatch.analyze.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.stancewatch.model.json.Json;

/**
 * The serde of the job's own records (state stores, their changelogs, the repartition topic):
 * one format byte, then the record as JSON, bound directly without the tree and version field
 * of the public topics' codec, since these are read and written several times per mention.
 * The format byte lets a later build recognise, and refuse clearly, state it cannot read.
 */
public final class InternalSerde<T> implements Serde<T> {
    private static final byte FORMAT = 1;

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public InternalSerde(Class<T> type) {
        ObjectMapper mapper = Json.mapper();
        this.type = type;
        this.reader = mapper.readerFor(type);
        this.writer = mapper.writerFor(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                byte[] json = writer.writeValueAsBytes(value);
                byte[] bytes = new byte[json.length + 1];
                bytes[0] = FORMAT;
                System.arraycopy(json, 0, bytes, 1, json.length);
                return bytes;
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName(), e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length == 0 || bytes[0] != FORMAT) {
                throw new SerializationException("internal " + type.getSimpleName() + " in format "
                        + (bytes.length == 0 ? "none" : bytes[0]) + ", this build reads format " + FORMAT
                        + "; reset the application's state to rebuild it");
            }
            try {
                return reader.readValue(bytes, 1, bytes.length - 1);
            } catch (IOException e) {
                throw new SerializationException("unreadable internal " + type.getSimpleName() + ": "
                        + new String(Arrays.copyOfRange(bytes, 1, Math.min(bytes.length, 200))), e);
            }
        };
    }
}
