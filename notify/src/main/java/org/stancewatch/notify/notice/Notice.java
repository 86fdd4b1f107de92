package org.stancewatch.notify.notice;

import java.time.Instant;
import java.util.Objects;
import org.stancewatch.model.Alert;
import org.stancewatch.model.SourceStatus;

/**
 * One thing people may be told about: an alert (of tone or attention) or a source's change of
 * health. Exactly one of {@code alert} and {@code source} is set.
 *
 * @param id     stable across replays: the alert's id, or {@link SourceStatus#healthChangeId()}
 * @param alert  the alert, or null
 * @param source the source's new status, or null
 */
public record Notice(String id, Alert alert, SourceStatus source) {

    public Notice {
        Objects.requireNonNull(id, "id");
        if ((alert == null) == (source == null)) {
            throw new IllegalArgumentException("a notice is about an alert or a source, exactly one");
        }
    }

    public static Notice of(Alert alert) {
        return new Notice(alert.id(), alert, null);
    }

    public static Notice of(SourceStatus status) {
        return new Notice(status.healthChangeId(), null, status);
    }

    /** When it happened: the alert's detection, or the source's change of health. */
    public Instant at() {
        return alert != null ? alert.detectedAt() : source.healthSince();
    }
}
