package org.stancewatch.analyze.stream.attention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The example mentions kept of one series on one day: the most confident ones, so that an alert
 * can quote clear sentences from different outlets.
 */
public record DaySamples(List<MentionSample> samples) {
    static final DaySamples EMPTY = new DaySamples(List.of());
    static final Comparator<MentionSample> CLEAREST_FIRST = Comparator
            .comparingDouble(MentionSample::confidence).reversed().thenComparing(MentionSample::mentionId);

    public DaySamples {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /** These samples with one more, keeping the {@code keep} most confident. */
    DaySamples with(MentionSample sample, int keep) {
        List<MentionSample> all = new ArrayList<>(samples.size() + 1);
        samples.stream().filter(s -> !s.mentionId().equals(sample.mentionId())).forEach(all::add);
        all.add(sample);
        all.sort(CLEAREST_FIRST);
        return new DaySamples(all.size() > keep ? all.subList(0, keep) : all);
    }

    /** These samples without a mention taken out, or null when it was not among them. */
    DaySamples without(String mentionId) {
        List<MentionSample> kept = samples.stream().filter(s -> !s.mentionId().equals(mentionId)).toList();
        return kept.size() == samples.size() ? null : new DaySamples(kept);
    }
}
