package org.stancewatch.notify.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.stancewatch.model.json.RecordCodec;
import org.stancewatch.notify.notice.Notice;

/**
 * The ledger's record of one notice for one channel, keyed {@code channel|noticeId}.
 *
 * @param state      pending, sent or failed
 * @param channel    the channel's name
 * @param noticeId   the notice's id
 * @param notice     the notice itself while pending (so a restart can deliver it); null once settled
 * @param origin     the topic-partition the notice was read from: whichever notifier owns that
 *                   partition delivers it
 * @param deliveryId the delivery that carried it (its own id, or a digest's), once sent
 * @param at         when the state was reached
 * @param reason     why it failed, for {@code failed}; else empty
 */
public record LedgerEntry(DeliveryState state, String channel, String noticeId, Notice notice, String origin,
                          String deliveryId, Instant at, String reason) {
    static final RecordCodec<LedgerEntry> CODEC = new RecordCodec<>(LedgerEntry.class, 1);

    public LedgerEntry {
        requireNonNull(state, "state");
        requireNonNull(channel, "channel");
        requireNonNull(noticeId, "noticeId");
        requireNonNull(at, "at");
        if (state == DeliveryState.PENDING && notice == null) {
            throw new IllegalArgumentException("a pending entry carries its notice");
        }
        origin = origin == null ? "" : origin;
        deliveryId = deliveryId == null ? "" : deliveryId;
        reason = reason == null ? "" : reason;
    }

    public static LedgerEntry pending(String channel, Notice notice, String origin, Instant at) {
        return new LedgerEntry(DeliveryState.PENDING, channel, notice.id(), notice, origin, null, at, null);
    }

    LedgerEntry sent(String deliveryId, Instant when) {
        return new LedgerEntry(DeliveryState.SENT, channel, noticeId, null, origin, deliveryId, when, null);
    }

    LedgerEntry failed(String deliveryId, Instant when, String why) {
        return new LedgerEntry(DeliveryState.FAILED, channel, noticeId, null, origin, deliveryId, when, why);
    }

    public String key() {
        return keyOf(channel, noticeId);
    }

    static String keyOf(String channel, String noticeId) {
        return channel + "|" + noticeId;
    }
}
