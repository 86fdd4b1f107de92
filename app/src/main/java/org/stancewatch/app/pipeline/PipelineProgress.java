package org.stancewatch.app.pipeline;

import java.util.List;
import org.stancewatch.analyze.stream.monitor.JobProgress;
import org.stancewatch.index.sink.IndexerProgress;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.ingest.crawl.SourceStats;
import org.stancewatch.notify.NotifierProgress;

/**
 * What the three stages have done so far, in one line for people.
 *
 * @param crawl   per-source counts of the crawler
 * @param analyze the analyze job's counts
 * @param index   the indexer's counts
 * @param notifier the notifier's counts, or null when it does not run
 */
public record PipelineProgress(List<SourceStats> crawl, JobProgress analyze, IndexerProgress index,
                               NotifierProgress notifier) {

    public PipelineProgress(List<SourceStats> crawl, JobProgress analyze, IndexerProgress index) {
        this(crawl, analyze, index, null);
    }

    public long articlesDiscovered() {
        return crawl.stream().mapToLong(SourceStats::discovered).sum();
    }

    public long articlesFetched() {
        return crawl.stream().mapToLong(SourceStats::fetched).sum();
    }

    public long articlesPublished() {
        return crawl.stream().mapToLong(SourceStats::published).sum();
    }

    public long crawlFailures() {
        return crawl.stream().mapToLong(SourceStats::failedTotal).sum();
    }

    /** E.g. "discovered 134 · fetched 134 · published 134 · analysed 120 → 1,530 mentions · indexed 118 articles, ...". */
    public String line() {
        return String.format("discovered %,d · fetched %,d · published %,d%s · analysed %,d → %,d mentions, %,d alerts"
                        + " · indexed %,d articles, %,d mentions, %,d stance buckets, %,d alerts%s",
                articlesDiscovered(), articlesFetched(), articlesPublished(),
                crawlFailures() == 0 ? "" : String.format(" (%,d failed)", crawlFailures()),
                analyze.articlesIn(), analyze.mentionsOut(), analyze.alerts(),
                index.indexed(IndexKind.ARTICLES), index.indexed(IndexKind.MENTIONS), index.indexed(IndexKind.STANCE),
                index.indexed(IndexKind.ALERTS),
                analyze.deadLetterCount() + index.deadLettered() == 0 ? ""
                        : String.format(" · %,d dead letters", analyze.deadLetterCount() + index.deadLettered()))
                + notifyPart();
    }

    private String notifyPart() {
        if (notifier == null) {
            return "";
        }
        String part = String.format(" · notified %,d (%,d pending)", notifier.delivered(), notifier.pending());
        if (!notifier.failing().isEmpty()) {
            part += ", failing channels: " + notifier.failing().stream().map(h -> h.channel()).toList();
        }
        return part;
    }
}
