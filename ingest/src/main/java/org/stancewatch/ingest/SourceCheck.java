package org.stancewatch.ingest;

import java.time.Clock;
import org.stancewatch.ingest.check.ArticleProbe;
import org.stancewatch.ingest.check.ListingProbe;
import org.stancewatch.ingest.check.RobotsVerdict;
import org.stancewatch.ingest.check.SourceCheckReport;
import org.stancewatch.ingest.check.SourceProbe;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.ingest.source.CrawlSettings;
import org.stancewatch.ingest.source.Source;

/**
 * Visits each source once, as the crawler would, and says whether it works now and if not, why.
 * Thread-safe: sources may be checked in parallel. The {@link SourceCheckReport} (with its
 * {@link RobotsVerdict}, {@link ListingProbe}s and {@link ArticleProbe}) is a record of the
 * stage's data contract and crosses this surface as it is.
 */
public final class SourceCheck implements AutoCloseable {
    private final SourceProbe probe;

    private SourceCheck(SourceProbe probe) {
        this.probe = probe;
    }

    /** Checks with the crawler's settings (user agent, timeouts, ...) and name resolution. */
    public static SourceCheck open(CrawlSettings settings, HostResolver resolver) {
        return new SourceCheck(new SourceProbe(settings, resolver, Clock.systemUTC()));
    }

    /** Visits the source: robots.txt, its listings, and one article. */
    public SourceCheckReport check(Source source) throws InterruptedException {
        return probe.check(source);
    }

    /** The report of a source the sources file disables, without a visit. */
    public SourceCheckReport disabled(Source source, String reason) {
        return probe.disabled(source, reason);
    }

    @Override
    public void close() {
        probe.close();
    }
}
