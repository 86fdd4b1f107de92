package org.stancewatch.notify.dispatch;

import org.stancewatch.notify.notice.Delivery;

/**
 * Places where the fault tests stop a notifier abruptly (by throwing), to prove that a crash
 * there neither loses nor repeats a notice. Production code uses {@link #NONE}. One point is the
 * channels' workers', one the consumer loop's; they live here, with the workers, because the loop
 * is built on top of them.
 */
public interface FaultPoints {
    FaultPoints NONE = new FaultPoints() {};

    /** Pending entries and dead letters are durable; the consumer's offsets are not committed yet. */
    default void beforeCommit() {}

    /** The channel accepted the delivery; the ledger does not say {@code sent} yet. */
    default void afterSend(String channel, Delivery delivery) {}
}
