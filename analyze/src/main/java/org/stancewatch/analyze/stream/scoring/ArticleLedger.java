package org.stancewatch.analyze.stream.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the scoring application last published for one article: enough to replace it when a new
 * revision arrives (tombstones for the mentions the revision no longer has) and to repeat it
 * exactly when the same revision is processed again after a crash.
 *
 * @param revision           the article revision the mentions were scored from
 * @param contentHash        that revision's content hash
 * @param publishedAt        that revision's publication time (the mentions' event time)
 * @param mentionIds         ids of the mentions published for it
 * @param retiredIds         ids this revision retracted from the previous one (tombstoned)
 * @param retiredPublishedAt event time of the retracted mentions
 */
public record ArticleLedger(
        int revision,
        String contentHash,
        Instant publishedAt,
        List<String> mentionIds,
        List<String> retiredIds,
        Instant retiredPublishedAt) {

    public ArticleLedger {
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(publishedAt, "publishedAt");
        mentionIds = mentionIds == null ? List.of() : List.copyOf(mentionIds);
        retiredIds = retiredIds == null ? List.of() : List.copyOf(retiredIds);
        retiredPublishedAt = retiredPublishedAt == null ? publishedAt : retiredPublishedAt;
    }
}
