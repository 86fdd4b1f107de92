package org.stancewatch.notify.channel;

import java.time.Duration;
import java.util.Optional;

/** A message a channel could not deliver, and whether trying again later can help. */
public class DeliveryException extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, null, cause);
    }

    public DeliveryException(String message, boolean retryable) {
        this(message, retryable, null, null);
    }

    /**
     * A retryable failure whose receiver said when to come back (an HTTP {@code Retry-After});
     * {@code retryAfter} may be null when it did not.
     */
    public DeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** True for a failure that may pass (timeout, 5xx, 429, connection refused); false for a refusal (4xx, bad address). */
    public boolean retryable() {
        return retryable;
    }

    /** How long the receiver asked us to wait before trying again, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
