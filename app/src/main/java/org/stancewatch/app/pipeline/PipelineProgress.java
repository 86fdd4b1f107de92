package org.stancewatch.app.pipeline;

import java.util.List;
import org.stancewatch.analyze.stream.monitor.JobProgress;
import org.stancewatch.index.sink.IndexerProgress;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.ingest.SourceStats;

/**
 * What the three stages have done so far, in one line for people.
 *
 * @param crawl   per-source counts of the crawler
 * @param analyze the analyze job's counts
 * @param index   the indexer's counts
 */
public record PipelineProgress(List<SourceStats> crawl, JobProgress analyze, IndexerProgress index) {

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
                        : String.format(" · %,d dead letters", analyze.deadLetterCount() + index.deadLettered()));
    }
}
