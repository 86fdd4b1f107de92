package org.stancewatch.analyze.stream.errors;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.model.DeadLetter;

/**
 * What happens when an output record cannot be written:
 *
 * <ul>
 *   <li>it cannot be serialized, or the broker refuses it for good (too large for the topic,
 *       invalid): its source record goes to the dead-letter topic and the job goes on. Failing
 *       instead would replace the thread, which re-reads the same record and fails again, for
 *       ever;</li>
 *   <li>the dead letter itself is refused for good: it is logged as an error and counted as lost
 *       ({@code deadLettersLost}), and the job goes on: a bounded, visible outcome, where failing
 *       would loop;</li>
 *   <li>anything else (the broker unreachable, not allowed to write) is left to Kafka Streams'
 *       default: fail, and retry the task from its last commit, since skipping would lose output
 *       silently.</li>
 * </ul>
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private DeadLetterRecords deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterRecords.configuredBy(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception error) {
        if (!refusedForGood(error)) {
            return Response.fail();
        }
        if (deadLetters.topic().equals(record.topic())) {
            deadLetters.lost();
            log.error("The broker refused a dead letter for {} ({}); the record is skipped without one. Raise "
                    + "max.message.bytes of {} if this repeats.", DeadLetterRecords.subjectOf(context),
                    DeadLetter.messageOf(error), record.topic());
            return Response.resume();
        }
        log.warn("The broker refused a record for {} ({}); its source record goes to {}", record.topic(),
                DeadLetter.messageOf(error), deadLetters.topic());
        return Response.resume(deadLetters.about(context, context.sourceRawKey(), context.sourceRawValue(),
                Reasons.REFUSED_RECORD, error));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception error,
                                             SerializationExceptionOrigin origin) {
        log.warn("Cannot write a record to {} ({}); its source record goes to {}: {}", record.topic(), origin,
                deadLetters.topic(), DeadLetter.messageOf(error));
        return Response.resume(deadLetters.about(context, context.sourceRawKey(), context.sourceRawValue(),
                Reasons.UNWRITABLE_RECORD, error));
    }

    /** Errors about the record itself: sending it again can only fail again. */
    static boolean refusedForGood(Exception error) {
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException;
    }
}
