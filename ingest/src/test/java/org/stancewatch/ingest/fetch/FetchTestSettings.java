package org.stancewatch.ingest.fetch;

import java.time.Duration;
import org.stancewatch.ingest.source.CrawlSettings;

/** The crawl settings of the fetcher's tests against the fixture server: short timeouts, small bodies. */
final class FetchTestSettings {
    private FetchTestSettings() {}

    static CrawlSettings withFetchTimeout(Duration fetchTimeout) {
        return new CrawlSettings("stancewatch-test/1.0", Duration.ofSeconds(2), Duration.ofSeconds(2), fetchTimeout,
                256 * 1024, 3, Duration.ofDays(2), Duration.ofSeconds(30), Duration.ofSeconds(2), 2);
    }
}
