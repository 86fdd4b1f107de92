package org.stancewatch.notify.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

/**
 * A channel's allowance of messages in any rolling hour ({@code digest: {maxPerHour: N}}).
 * Used by the channel's worker thread only.
 */
final class DigestBudget {
    static final Duration WINDOW = Duration.ofHours(1);

    private final int maxPerHour;
    private final Deque<Instant> sends = new ArrayDeque<>();

    /** @param maxPerHour 0 for no limit */
    DigestBudget(int maxPerHour, Collection<Instant> earlierSends) {
        this.maxPerHour = maxPerHour;
        earlierSends.stream().sorted().forEach(sends::addLast);
    }

    boolean isLimited() {
        return maxPerHour > 0;
    }

    /** Messages that may still go out now. */
    int remaining(Instant now) {
        if (!isLimited()) {
            return Integer.MAX_VALUE;
        }
        forgetBefore(now.minus(WINDOW));
        return Math.max(0, maxPerHour - sends.size());
    }

    /** When the next message may go out: now when there is budget, else when the oldest send leaves the hour. */
    Instant nextAllowed(Instant now) {
        return remaining(now) > 0 ? now : sends.peekFirst().plus(WINDOW);
    }

    void spent(Instant at) {
        if (isLimited()) {
            sends.addLast(at);
        }
    }

    private void forgetBefore(Instant start) {
        while (!sends.isEmpty() && !sends.peekFirst().isAfter(start)) {
            sends.removeFirst();
        }
    }
}
