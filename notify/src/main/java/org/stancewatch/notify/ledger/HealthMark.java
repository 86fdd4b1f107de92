package org.stancewatch.notify.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.json.RecordCodec;

/**
 * The last health the notifier told about for a source, keyed {@code #source|name}: a status
 * with the same health is not news.
 */
public record HealthMark(String source, SourceHealth health, Instant since) {
    static final RecordCodec<HealthMark> CODEC = new RecordCodec<>(HealthMark.class, 1);
    /** Channel names cannot start with '#', so these keys never meet a delivery's. */
    static final String KEY_PREFIX = "#source|";

    public HealthMark {
        requireNonNull(source, "source");
        requireNonNull(health, "health");
        requireNonNull(since, "since");
    }

    String key() {
        return KEY_PREFIX + source;
    }
}
