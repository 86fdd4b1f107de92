package org.stancewatch.notify;

import java.util.List;
import java.util.stream.Collectors;
import org.stancewatch.notify.dispatch.ChannelHealth;

/**
 * The notifier's counters: what its progress and stop lines say.
 *
 * @param delivered      notices the channels accepted (per channel: a notice sent to two counts twice)
 * @param messages       messages sent (a digest of many notices is one)
 * @param pending        notices waiting in the channels' queues (a failing channel, a digest's hour)
 * @param failed         notices a channel refused for good (recorded failed, dead-lettered)
 * @param deadLettered   records that could not be read (dead-lettered)
 * @param heldPartitions partitions waiting for an upgraded notifier (records of a newer schema)
 * @param failing        the channels that keep failing
 */
public record NotifierProgress(long delivered, long messages, long pending, long failed, long deadLettered,
                               int heldPartitions, List<ChannelHealth> failing) {

    public NotifierProgress {
        failing = List.copyOf(failing);
    }

    @Override
    public String toString() {
        String line = "notify: " + delivered + " delivered in " + messages + " messages, " + pending + " pending, "
                + failed + " refused, " + deadLettered + " dead-lettered";
        if (heldPartitions > 0) {
            line += ", " + heldPartitions + " partitions waiting for an upgraded stancewatch";
        }
        if (!failing.isEmpty()) {
            line += "; failing channels: " + failing.stream().map(ChannelHealth::toString).collect(Collectors.joining(", "));
        }
        return line;
    }
}
