package org.stancewatch.analyze.stream.attention;

import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KeyValueMapper;
import org.stancewatch.analyze.stream.aggregate.Contribution;
import org.stancewatch.analyze.stream.shift.ShiftMonitor;
import org.stancewatch.model.Mention;

/**
 * Sends each contribution that counts for attention to its day, where the day's total is kept:
 * keyed by the epoch day of its publication.
 *
 * <p>Two kinds are left out, of the series and of the totals alike, so that a share is always a
 * share among the same mentions. Mentions of articles dated only by their fetch time: a site
 * met for the first time or an archive backfilled brings months of coverage stamped with today,
 * and a pile of old articles landing on one day looks exactly like a burst (the tone detector
 * leaves them out for the same reason). And syndicated copies, when their weight is 0: the
 * original already counts, as in the stance series that span outlets; a positive copy weight
 * counts them at that weight.
 */
public final class AttentionFanIn implements KeyValueMapper<String, Contribution, Iterable<KeyValue<String, AttentionContribution>>> {
    private final double copyWeight;

    public AttentionFanIn(double copyWeight) {
        this.copyWeight = copyWeight;
    }

    @Override
    public Iterable<KeyValue<String, AttentionContribution>> apply(String mentionId, Contribution contribution) {
        Mention mention = contribution.mention();
        if (mention.dateSource().isFetchTime()) {
            return List.of();
        }
        boolean copy = mention.copyOf() != null && !mention.copyOf().isBlank();
        double weight = copy ? copyWeight : 1.0;
        if (weight <= 0) {
            return List.of();
        }
        long day = ShiftMonitor.epochDay(mention.publishedAt());
        MentionSample sample = contribution.isAddition() ? MentionSample.of(mention) : MentionSample.idOf(mention);
        return List.of(KeyValue.pair(Long.toString(day),
                new AttentionContribution(contribution.sign(), weight, day, mention.actor(), mention.topics(), sample)));
    }
}
