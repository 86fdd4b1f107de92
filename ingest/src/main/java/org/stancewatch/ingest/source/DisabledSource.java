package org.stancewatch.ingest.source;

import java.util.Objects;

/**
 * A source shipped or kept in {@code sources.yml} but not crawled, with the reason written beside
 * it ({@code disabled: "robots.txt disallows ..."}). It is validated like any other, so that
 * deleting the {@code disabled} line is all it takes to crawl it again.
 *
 * @param source the source as it would be crawled
 * @param reason why it is not crawled, for people ({@code stancewatch crawl} and {@code sources check} print it)
 */
public record DisabledSource(Source source, String reason) {
    public DisabledSource {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }
}
