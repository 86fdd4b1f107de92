package org.stancewatch.analyze.stream.errors;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output record that cannot be serialized goes to the dead-letter topic (with the source
 * record's payload) and the job goes on. A failure to send is left to Kafka Streams' default
 * (fail, and retry the task), since skipping it would lose output silently.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.configuredBy(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception error) {
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception error,
                                             SerializationExceptionOrigin origin) {
        log.warn("Cannot write a record to {} ({}); its source record goes to {}: {}", record.topic(), origin,
                deadLetters.topic(), DeadLetters.describe(error));
        return Response.resume(deadLetters.about(context, context.sourceRawKey(), context.sourceRawValue(),
                Reasons.UNWRITABLE_RECORD, error));
    }
}
