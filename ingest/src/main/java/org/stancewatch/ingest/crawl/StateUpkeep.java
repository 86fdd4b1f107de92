package org.stancewatch.ingest.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.ingest.discover.Discovery;
import org.stancewatch.ingest.publish.CrawlBatch;
import org.stancewatch.ingest.publish.StateChange;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.state.CrawlState;
import org.stancewatch.ingest.state.PageState;
import org.stancewatch.ingest.state.StateKey;
import org.stancewatch.ingest.state.StateRetention;

/**
 * Adds a run's {@link StateRetention} sweep (renewed listing times, tombstones) to the batch
 * that records its listings, so both are committed in one transaction with them.
 */
final class StateUpkeep {
    private static final Logger LOG = LoggerFactory.getLogger(StateUpkeep.class);

    private final StateRetention retention;

    StateUpkeep(Duration retention) {
        this.retention = new StateRetention(retention);
    }

    void sweep(Source source, Discovery.Result discovered, CrawlState state, CrawlBatch batch, Instant now) {
        Set<String> listed = new HashSet<>();
        discovered.links().forEach(link -> listed.add(link.url().toString()));
        // The sweep sees the state before this batch: a listing the batch records was reached now.
        Set<String> written = new HashSet<>();
        batch.changes().stream().map(StateChange::key).forEach(written::add);
        StateRetention.Sweep sweep = retention.sweep(state, source.id(), listed, now, discovered.listingsFetched() > 0);
        for (PageState page : sweep.listed()) {
            String key = StateKey.page(source.id(), page.url());
            if (!written.contains(key)) {
                batch.change(key, page);
            }
        }
        int forgotten = 0;
        for (String key : sweep.forgotten()) {
            if (!written.contains(key)) {
                batch.change(key, null);
                forgotten++;
            }
        }
        if (forgotten > 0) {
            LOG.info("{}: forgetting {} pages and articles that no listing has named for {} days", source.id(), forgotten,
                    retention.retention().toDays());
        }
    }
}
