package org.stancewatch.notify.channel;

/** A message a channel could not deliver, and whether trying again later can help. */
public class DeliveryException extends Exception {
    private final boolean retryable;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public DeliveryException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    /** True for a failure that may pass (timeout, 5xx, 429, connection refused); false for a refusal (4xx, bad address). */
    public boolean retryable() {
        return retryable;
    }
}
