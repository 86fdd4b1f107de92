package org.stancewatch.ingest.publish;

import java.util.Objects;

/** One crawl-state record to write: a key and its new value, or null to remove it. */
public record StateChange(String key, Object value) {
    public StateChange {
        Objects.requireNonNull(key, "key");
    }
}
