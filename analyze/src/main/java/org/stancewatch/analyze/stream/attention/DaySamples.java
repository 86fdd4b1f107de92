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

    /**
     * These samples with one more, keeping the {@code keep} most confident; this same instance
     * when the new one does not make the cut (so the store is not written for nothing).
     */
    DaySamples with(MentionSample sample, int keep) {
        if (samples.size() >= keep && CLEAREST_FIRST.compare(sample, samples.get(samples.size() - 1)) > 0
                && samples.stream().noneMatch(s -> s.mentionId().equals(sample.mentionId()))) {
            return this;
        }
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
