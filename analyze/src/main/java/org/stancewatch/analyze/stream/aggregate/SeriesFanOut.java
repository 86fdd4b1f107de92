package org.stancewatch.analyze.stream.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KeyValueMapper;
import org.stancewatch.model.Mention;

/**
 * Sends each contribution to every series its mention belongs to: the actor, the actor in each
 * of the mention's topics, the actor in the mention's outlet, and the holder's stance toward
 * the actor when the stance is someone's other than the outlet's.
 *
 * <p>Syndicated copies (a mention whose article is a copy of another) count once: the original
 * already counts in the series that span outlets (actor, topic, holder), so there the copy
 * weighs {@code copyWeight} (0 by default: left out). In the copy's own outlet series the copy
 * is that outlet's only instance of the story and counts in full.
 */
public final class SeriesFanOut implements KeyValueMapper<String, Contribution, Iterable<KeyValue<String, Contribution>>> {
    private final double copyWeight;

    public SeriesFanOut(double copyWeight) {
        this.copyWeight = copyWeight;
    }

    @Override
    public Iterable<KeyValue<String, Contribution>> apply(String mentionId, Contribution contribution) {
        Mention mention = contribution.mention();
        List<KeyValue<String, Contribution>> routed = new ArrayList<>();
        routed.add(KeyValue.pair(SeriesKey.actorOutlet(mention.actor(), mention.outlet()).encode(), contribution));

        boolean copy = mention.copyOf() != null && !mention.copyOf().isBlank();
        double weight = copy ? copyWeight : 1.0;
        if (weight <= 0) {
            return routed;
        }
        Contribution weighted = contribution.withWeight(weight);
        routed.add(KeyValue.pair(SeriesKey.actor(mention.actor()).encode(), weighted));
        for (String topic : new LinkedHashSet<>(mention.topics())) {
            routed.add(KeyValue.pair(SeriesKey.actorTopic(mention.actor(), topic).encode(), weighted));
        }
        if (mention.hasHolder()) {
            routed.add(KeyValue.pair(SeriesKey.holderTarget(mention.holder(), mention.actor()).encode(), weighted));
        }
        return routed;
    }
}
