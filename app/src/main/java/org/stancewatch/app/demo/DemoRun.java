package org.stancewatch.app.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.analyze.stream.shift.ShiftSettings;
import org.stancewatch.app.pipeline.KafkaConnection;
import org.stancewatch.app.pipeline.Pipeline;
import org.stancewatch.index.connect.ElasticsearchSettings;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.notify.NotifierSetup;
import org.stancewatch.notify.config.AlertsConfig;

/**
 * The demo's timeline: the demo site starts with every article held back, then publishes them
 * month by month, 2010 to 2012, and the crawler visits after each month, as it would have
 * visited the real sites then. Articles thus reach the analysis in the order they were
 * published, which the shift detector, like any online detector, relies on.
 */
public final class DemoRun {
    /**
     * The demo's outlets publish a few articles a week, not dozens a day: a month's recent window
     * against half a year's baseline gathers the evidence the default week against a month would
     * lack, which allows a lower bar (|z| of 3 rather than 4) at the same false-alarm rate.
     */
    static final ShiftSettings SHIFT = ShiftSettings.defaults()
            .withRecent(Duration.ofDays(28))
            .withBaseline(Duration.ofDays(180))
            .withMinEvidence(30, 15)
            .withThreshold(3.0);
    /** Articles of one month may arrive in any order; the lateness allowance covers that. */
    static final Duration GRACE = Duration.ofDays(62);
    /** The demo's alerts file: an Atom feed and an e-mail outbox under the demo's folder. */
    static final String ALERTS = "/org/stancewatch/app/demo/alerts.yml";

    private final DemoSiteServer site;
    private final PrintStream out;

    public DemoRun(DemoSiteServer site, PrintStream out) {
        this.site = site;
        this.out = out;
    }

    /** The pipeline's settings for this demo site; the demo drives the crawler's runs itself. */
    public Pipeline.Settings settings(String bootstrapServers, ElasticsearchSettings elasticsearch,
                                      java.nio.file.Path stateDir) {
        return settings(bootstrapServers, elasticsearch, stateDir, Duration.ofHours(1));
    }

    /** As above, notifying by the given alerts configuration (see {@link #alerts}). */
    public Pipeline.Settings settings(String bootstrapServers, ElasticsearchSettings elasticsearch,
                                      java.nio.file.Path stateDir, AlertsConfig alerts) {
        Pipeline.Settings plain = settings(bootstrapServers, elasticsearch, stateDir);
        return new Pipeline.Settings(plain.kafka(), plain.elasticsearch(), plain.sources(), plain.resolver(),
                plain.analyze(), plain.partitions(), plain.crawlerInstance(), alerts);
    }

    /**
     * The demo's alerts configuration: every notice to the channel {@code feed} (an Atom feed at
     * {@link #feedFile}) and to {@code mail} (e-mail in outbox mode, into {@link #outbox}).
     */
    public static AlertsConfig alerts(java.nio.file.Path home, NotifierSetup notifier) {
        try (var in = DemoRun.class.getResourceAsStream(ALERTS)) {
            if (in == null) {
                throw new IllegalStateException("the demo's alerts.yml is missing from the class path; rebuild stancewatch");
            }
            String demoHome = home.toAbsolutePath().toString();
            return notifier.alerts("demo alerts.yml", in.readAllBytes(),
                    name -> name.equals("DEMO_HOME") ? demoHome : null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the demo's alerts.yml", e);
        }
    }

    /** Where the demo's Atom feed is written. */
    public static java.nio.file.Path feedFile(java.nio.file.Path home) {
        return home.toAbsolutePath().resolve("notify").resolve("alerts.atom");
    }

    /** The folder the demo's e-mails are written to. */
    public static java.nio.file.Path outbox(java.nio.file.Path home) {
        return home.toAbsolutePath().resolve("notify").resolve("outbox");
    }

    /** As above, with the crawler visiting each outlet every {@code crawlInterval} once scheduled. */
    public Pipeline.Settings settings(String bootstrapServers, ElasticsearchSettings elasticsearch,
                                      java.nio.file.Path stateDir, Duration crawlInterval) {
        AnalyzeSettings analyze = AnalyzeSettings.defaults(bootstrapServers)
                .withStateDir(stateDir)
                .withGrace(GRACE)
                .withShift(SHIFT)
                .withProgressInterval(Duration.ofMinutes(10));
        return new Pipeline.Settings(KafkaConnection.plain(bootstrapServers), elasticsearch, DemoSources.of(site, crawlInterval), resolver(site.hosts()),
                analyze, 1, "demo");
    }

    /**
     * Publishes the months after {@code resumeAfter} (all, if null) one by one, crawling after
     * each. Stops before a month {@code stopBefore} accepts; returns the last month crawled.
     */
    public YearMonth publishAndCrawl(Pipeline pipeline, YearMonth resumeAfter, Predicate<YearMonth> stopBefore)
            throws InterruptedException {
        List<DemoArticle> articles = site.content().articles();
        site.hold(articles);
        YearMonth first = month(articles.getFirst().published());
        YearMonth last = month(articles.getLast().published());
        YearMonth done = resumeAfter;
        if (resumeAfter != null) {
            releaseUntil(resumeAfter);
        }
        for (YearMonth month = resumeAfter == null ? first : resumeAfter.plusMonths(1); !month.isAfter(last);
             month = month.plusMonths(1)) {
            if (stopBefore.test(month)) {
                return done;
            }
            releaseUntil(month);
            pipeline.crawlOnce();
            pipeline.checkHealthy();
            out.printf("%s  %s%n", month, pipeline.progress().line());
            done = month;
        }
        pipeline.crawlOnce(); // a last visit, as a crawler would pay the next day: it retries what failed
        return done;
    }

    /** Waits until the analysis and indexing have caught up with the crawl, printing progress. */
    public void awaitCaughtUp(Pipeline pipeline, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pipeline.awaitCaughtUp(Duration.ofSeconds(15))) {
            out.printf("analysing  %s%n", pipeline.progress().line());
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not catch up within " + timeout.toMinutes()
                        + " minutes; last progress: " + pipeline.progress().line());
            }
        }
    }

    private void releaseUntil(YearMonth month) {
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        site.content().articles().stream().filter(article -> article.published().isBefore(end)).forEach(site::release);
    }

    private static YearMonth month(Instant time) {
        return YearMonth.from(time.atZone(ZoneOffset.UTC));
    }

    /** The demo's fictional names resolve to the local site; everything else as usual. */
    static HostResolver resolver(Map<String, String> hosts) {
        HostResolver system = HostResolver.system();
        return host -> hosts.containsKey(host)
                ? new java.net.InetAddress[] {java.net.InetAddress.getByName(hosts.get(host))}
                : system.resolve(host);
    }
}
