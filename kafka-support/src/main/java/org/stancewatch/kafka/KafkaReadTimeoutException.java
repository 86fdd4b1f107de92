package org.stancewatch.kafka;

/**
 * A Kafka topic could not be read, within the read's deadline, to the end offsets it had when
 * the read started; the message names the topic and says how far each partition got.
 */
public final class KafkaReadTimeoutException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    KafkaReadTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
