package org.stancewatch.notify.dispatch;

import java.time.Duration;
import java.util.Optional;
import org.stancewatch.notify.channel.DeliveryException;

/** A receiver's own word on when to try again (an HTTP Retry-After), where a failure carries one. */
@FunctionalInterface
public interface RetryHints {
    /** No failure carries a hint: the schedule alone decides. */
    RetryHints NONE = failure -> Optional.empty();

    Optional<Duration> retryAfter(DeliveryException failure);
}
