package org.stancewatch.model.json;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes could not be read as the expected record. It is a Kafka {@link
 * SerializationException}, so consumers and Kafka Streams' deserialization handlers treat it as
 * a bad record (to the dead-letter topic), not as a crash.
 */
public class RecordFormatException extends SerializationException {
    private final String recordType;

    public RecordFormatException(String recordType, String message, Throwable cause) {
        super(recordType + ": " + message, cause);
        this.recordType = recordType;
    }

    /** The simple name of the record type that was expected, e.g. {@code Article}. */
    public String recordType() {
        return recordType;
    }

    /** A short stable code for dead-letter records and metrics. */
    public String reason() {
        return "malformed-record";
    }
}
