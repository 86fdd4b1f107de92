package org.stancewatch.model.kafka;

/**
 * A topic could not be read to the end offsets it had when the read started before the read's
 * deadline; the message names the topic and says how far each partition got.
 */
public final class TopicReadTimeoutException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TopicReadTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
