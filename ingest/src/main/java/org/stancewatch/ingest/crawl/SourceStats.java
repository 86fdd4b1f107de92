package org.stancewatch.ingest.crawl;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the crawler counted for one source since it started (or, for a run summary, in one run).
 *
 * @param source        the source's id
 * @param discovered    article URLs found in feeds, sitemaps and sections that were new
 * @param fetched       article pages fetched (any response)
 * @param notModified   conditional requests answered 304
 * @param extracted     pages that yielded an article
 * @param published     article records published (revisions included)
 * @param revisions     of those, revisions 2 and later
 * @param copies        of those, marked as syndicated copies
 * @param unchanged     re-fetched articles whose text had not changed (not published again)
 * @param robotsRefused URLs robots.txt did not allow (counted, not errors)
 * @param deferred      URLs left for a later run (their host asked us to back off, or answered a bot challenge or consent wall)
 * @param failed        failures by reason code
 * @param runs          runs completed
 * @param running       whether a run is going on now
 */
public record SourceStats(
        String source,
        long discovered,
        long fetched,
        long notModified,
        long extracted,
        long published,
        long revisions,
        long copies,
        long unchanged,
        long robotsRefused,
        long deferred,
        Map<String, Long> failed,
        long runs,
        boolean running) {

    public SourceStats {
        failed = Map.copyOf(failed);
    }

    public long failedTotal() {
        return failed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One log line: "bbc: discovered 40, fetched 38, not modified 0, extracted 35, published 35 ...". */
    public String describe() {
        String failures = failed.isEmpty() ? "0" : failedTotal() + " (" + new TreeMap<>(failed).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
        return "%s: discovered %d, fetched %d, not modified %d, extracted %d, published %d (%d revisions, %d copies), "
                .formatted(source, discovered, fetched, notModified, extracted, published, revisions, copies)
                + "unchanged %d, robots-refused %d, deferred %d, failed %s".formatted(unchanged, robotsRefused, deferred, failures);
    }
}
