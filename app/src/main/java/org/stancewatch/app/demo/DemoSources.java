package org.stancewatch.app.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.stancewatch.ingest.IngestStage;
import org.stancewatch.ingest.source.Sources;

/**
 * The crawler's sources for the demo site: one per outlet, with its feed (if it has one) and its
 * sitemap, written as a {@code sources.yml} would be, so the demo goes through the same loading
 * and checks as a user's file.
 */
final class DemoSources {
    private DemoSources() {}

    /** The sources.yml text for a running demo site, each source visited every {@code interval} when scheduled. */
    static String yaml(DemoSiteServer site, Duration interval) {
        StringBuilder yaml = new StringBuilder("""
                # The bundled demo site, served on this machine (see 'stancewatch demo --help').
                crawler:
                  revisitFor: 0s          # demo articles never change: no re-checks
                  parallelSources: 4
                defaults:
                  interval: %dms
                  rate: 50                # a local site: no need for a second between requests
                  maxArticlesPerRun: 500
                sources:
                """.formatted(interval.toMillis()));
        for (DemoOutlet outlet : site.content().outlets()) {
            yaml.append("  - id: ").append(outlet.id()).append('\n')
                    .append("    name: \"").append(outlet.name()).append("\"\n")
                    .append("    home: ").append(site.baseUrl(outlet.id())).append("/\n");
            if (!site.feedUrls(outlet.id()).isEmpty()) {
                yaml.append("    feeds: [").append(String.join(", ", site.feedUrls(outlet.id()))).append("]\n");
            }
            yaml.append("    sitemaps: [").append(String.join(", ", site.sitemapUrls(outlet.id()))).append("]\n")
                    .append("    allowPrivateAddresses: true   # the demo site runs on 127.0.0.1\n");
        }
        return yaml.toString();
    }

    static Sources of(DemoSiteServer site, Duration interval) {
        return IngestStage.sources("demo-sources.yml", yaml(site, interval).getBytes(StandardCharsets.UTF_8));
    }
}
