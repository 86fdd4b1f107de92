package org.stancewatch.ingest.extract;

import java.time.Instant;
import java.util.Objects;
import org.stancewatch.model.DateSource;

/** A publication date and where it was found, which says how far to trust it. */
public record PublishedDate(Instant instant, DateSource source) {
    public PublishedDate {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(source, "source");
    }
}
