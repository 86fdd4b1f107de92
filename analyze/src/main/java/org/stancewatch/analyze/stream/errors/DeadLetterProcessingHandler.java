package org.stancewatch.analyze.stream.errors;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.model.DeadLetter;

/**
 * A record whose processing throws (the scorer failed or timed out, its output was invalid, or
 * anything else) goes to the dead-letter topic with its reason and the source record's raw
 * payload; the job goes on with the next record. The reason comes from {@link AnalyzeFailure}
 * where the job raised one, else {@code processing-failed}.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private DeadLetterRecords deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterRecords.configuredBy(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception error) {
        String reason = Reasons.ofProcessing(error);
        if (reason.equals(Reasons.PROCESSING_FAILED)) {
            log.warn("Processing failed on {}-{}@{} in {}; the record goes to {}", context.topic(),
                    context.partition(), context.offset(), context.processorNodeId(), deadLetters.topic(), error);
        } else {
            log.warn("Record {}-{}@{} ({}) goes to {}: {}", context.topic(), context.partition(), context.offset(),
                    reason, deadLetters.topic(), DeadLetter.messageOf(error));
        }
        return Response.resume(deadLetters.about(context, context.sourceRawKey(), context.sourceRawValue(),
                reason, error));
    }
}
