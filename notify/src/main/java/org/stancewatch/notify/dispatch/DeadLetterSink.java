package org.stancewatch.notify.dispatch;

/**
 * Where the notifier puts what it cannot read or what a channel refused for good: {@code stancewatch.notify.dlq}.
 * The workers dead-letter refused deliveries, the consumer loop above them unreadable records.
 */
public interface DeadLetterSink {

    /**
     * Publishes one dead letter and returns once the broker has it.
     *
     * @param key     the original record's key, or the ledger key of a refused delivery
     * @param subject what failed: {@code topic-partition@offset}, or {@code channel|notice}
     * @param payload the input as text, or null
     * @param reason  a short stable code, e.g. {@code malformed-record}, {@code delivery-refused}
     * @param message a sentence for people
     */
    void publish(String key, String subject, String payload, String reason, String message);
}
