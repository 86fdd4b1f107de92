package org.stancewatch.notify.dispatch;

import org.stancewatch.notify.notice.Delivery;

/**
 * Places where the fault tests stop a notifier abruptly (by throwing), to prove that a crash
 * there neither loses nor repeats a notice. Production code uses {@link #NONE}. The workers stop
 * at {@link #afterSend}, the consumer loop at {@link #beforeCommit}; the points live with the
 * workers, the lower of the two, so that both reach them.
 */
public interface FaultPoints {
    FaultPoints NONE = new FaultPoints() {};

    /** Pending entries and dead letters are durable; the consumer's offsets are not committed yet. */
    default void beforeCommit() {}

    /** The channel accepted the delivery; the ledger does not say {@code sent} yet. */
    default void afterSend(String channel, Delivery delivery) {}
}
