package org.stancewatch.analyze.stream.errors;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.json.UnsupportedSchemaVersionException;

/**
 * A record whose key or value cannot be read (not JSON, a missing field, an older schema
 * version) goes to the dead-letter topic with its reason and raw payload; the job goes on with
 * the next record. A record of a newer schema version is good, written by an upgraded stage
 * during a rolling upgrade: it fails the stream thread, which waits for an upgraded job (see
 * {@code AnalyzeJob}), rather than losing it to the dead-letter topic.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private DeadLetterRecords deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterRecords.configuredBy(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception error) {
        if (UnsupportedSchemaVersionException.newerIn(error).isPresent()) {
            return Response.fail();
        }
        String reason = Reasons.ofDeserialization(error);
        log.warn("Unreadable record {}-{}@{} ({}) goes to {}: {}", context.topic(), context.partition(),
                context.offset(), reason, deadLetters.topic(), DeadLetter.messageOf(error));
        return Response.resume(deadLetters.about(context, record.key(), record.value(), reason, error));
    }
}
