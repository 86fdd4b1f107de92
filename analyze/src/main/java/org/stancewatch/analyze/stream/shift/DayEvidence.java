package org.stancewatch.analyze.stream.shift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The evidence candidates of one series on one day: its {@code perSide} most negative and most
 * positive mentions, so that an alert in either direction can quote the strongest sentences.
 */
public record DayEvidence(List<EvidenceCandidate> candidates) {
    public static final DayEvidence EMPTY = new DayEvidence(List.of());

    public DayEvidence {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** These candidates with one more, keeping the {@code perSide} lowest and highest scores. */
    DayEvidence with(EvidenceCandidate candidate, int perSide) {
        List<EvidenceCandidate> all = new ArrayList<>(candidates.size() + 1);
        candidates.stream().filter(c -> !c.mentionId().equals(candidate.mentionId())).forEach(all::add);
        all.add(candidate);
        all.sort(Comparator.comparingDouble(EvidenceCandidate::score).thenComparing(EvidenceCandidate::mentionId));
        if (all.size() > 2 * perSide) {
            List<EvidenceCandidate> extremes = new ArrayList<>(all.subList(0, perSide));
            extremes.addAll(all.subList(all.size() - perSide, all.size()));
            all = extremes;
        }
        return new DayEvidence(all);
    }

    /** These candidates without a mention that was taken out, or null when nothing changes. */
    DayEvidence without(String mentionId) {
        List<EvidenceCandidate> kept = candidates.stream().filter(c -> !c.mentionId().equals(mentionId)).toList();
        return kept.size() == candidates.size() ? null : new DayEvidence(kept);
    }
}
