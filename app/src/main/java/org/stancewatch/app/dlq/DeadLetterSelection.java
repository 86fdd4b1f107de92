package org.stancewatch.app.dlq;

import java.time.Instant;
import java.util.Set;

/**
 * Which dead letters a command works on: every criterion given must hold.
 *
 * @param stages  {@code ingest}, {@code analyze}, {@code index}; empty for all
 * @param reasons reason codes; empty for all
 * @param since   failed at or after, or null
 * @param until   failed before, or null
 */
public record DeadLetterSelection(Set<String> stages, Set<String> reasons, Instant since, Instant until) {

    public DeadLetterSelection {
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        reasons = reasons == null ? Set.of() : Set.copyOf(reasons);
    }

    public static DeadLetterSelection all() {
        return new DeadLetterSelection(Set.of(), Set.of(), null, null);
    }

    public boolean includesStage(String stage) {
        return stages.isEmpty() || stages.contains(stage);
    }

    public boolean matches(StoredDeadLetter stored) {
        Instant failedAt = stored.letter().failedAt();
        return includesStage(stored.letter().stage())
                && (reasons.isEmpty() || reasons.contains(stored.letter().reason()))
                && (since == null || !failedAt.isBefore(since))
                && (until == null || failedAt.isBefore(until));
    }
}
