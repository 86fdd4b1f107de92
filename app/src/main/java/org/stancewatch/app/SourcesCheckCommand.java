package org.stancewatch.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.stancewatch.app.sources.CheckReportText;
import org.stancewatch.config.Suggestions;
import org.stancewatch.ingest.IngestStage;
import org.stancewatch.ingest.SourceCheck;
import org.stancewatch.ingest.check.SourceCheckReport;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.source.Sources;
import org.stancewatch.model.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stancewatch sources check}: does each source work from this machine, now? */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        header = "Visits each source once, as the crawler would, and says whether it works now and if not, why.",
        description = {
            "For each source (all of the sources file, or those named): fetches robots.txt and each feed, sitemap "
                    + "and section page, and shows its HTTP status, the items it lists and how many of them the "
                    + "source's article patterns accept; then fetches the newest article listed and extracts it "
                    + "(title, date, words). It uses the crawler's own fetcher, robots.txt rules, discovery and "
                    + "extractor, with the sources file's User-Agent, From and limits. Nothing is published to Kafka "
                    + "and no crawl state is written: Kafka is not needed.",
            "",
            "Each source's result is printed as its check ends, then a table of all of them. Verdicts: OK; "
                    + "DISABLED (the file keeps it but does not crawl it; not fetched); ROBOTS_DISALLOWED; "
                    + "BOT_CHALLENGE (Cloudflare, DataDome, PerimeterX, Akamai, a CAPTCHA); CONSENT_WALL (a "
                    + "cookie or privacy consent page instead of the content); FETCH_FAILED; NO_ITEMS (the listings "
                    + "list nothing); NO_ARTICLES_MATCH (articles.allow/deny accept none of the items); "
                    + "EXTRACTION_FAILED. See docs/sources-check.md.",
            ""
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every source checked is OK or DISABLED",
            "1:at least one source failed its check (any other verdict), or the sources file has a mistake",
            "2:a wrong option, or a source name the sources file does not have"
        })
final class SourcesCheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SOURCE", arity = "0..*",
            description = "ids of the sources to check, as in the sources file (default: all)")
    List<String> names = new ArrayList<>();

    @Option(names = "--sources", paramLabel = "FILE",
            description = "the sources file (default: ./config/sources.yml, else the bundled defaults)")
    Path sourcesFile;

    @Option(names = "--json", description = "print the reports as a JSON array (progress goes to standard error)")
    boolean json;

    @Option(names = "--parallel", paramLabel = "N", description = "sources checked at once (default: the file's "
            + "crawler.parallelSources); each host still gets one request at a time")
    Integer parallel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Name resolution; tests give their own. */
    HostResolver resolver = HostResolver.system();

    @Override
    public Integer call() throws Exception {
        Sources loaded = IngestStage.sources(Optional.ofNullable(sourcesFile));
        List<Source> chosen = chosen(loaded);
        int threads = parallel != null ? parallel : loaded.settings().parallelSources();
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be 1 or more");
        }
        System.err.printf("Checking %d sources from %s as %s%s, %d at a time%n", chosen.size(), loaded.origin(),
                loaded.settings().userAgent(), loaded.settings().from().isEmpty() ? ""
                        : " (From: " + loaded.settings().from() + ")", threads);
        List<SourceCheckReport> reports = check(loaded, chosen, threads);
        if (json) {
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reports));
        } else {
            System.out.println();
            System.out.print(CheckReportText.summary(reports));
        }
        return reports.stream().anyMatch(r -> r.verdict().failed()) ? 1 : 0;
    }

    /**
     * The sources named, in the order given, or all, the disabled ones included (they are reported,
     * not fetched); an unknown name is a usage error that lists the known.
     */
    private List<Source> chosen(Sources loaded) {
        List<Source> all = new ArrayList<>(loaded.sources());
        loaded.disabled().forEach(d -> all.add(d.source()));
        if (names.isEmpty()) {
            return all;
        }
        List<Source> chosen = new ArrayList<>();
        List<String> known = all.stream().map(Source::id).toList();
        for (String name : names) {
            Optional<Source> source = all.stream().filter(s -> s.id().equals(name)).findFirst();
            if (source.isEmpty()) {
                String suggestion = Suggestions.closest(name, known);
                throw new CommandLine.ParameterException(spec.commandLine(), "no source '" + name + "' in "
                        + loaded.origin() + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                        + "; its sources are: " + String.join(", ", known));
            }
            chosen.add(source.get());
        }
        return chosen;
    }

    /** Checks the sources in parallel, printing each one's block as it ends; the reports in the given order. */
    private List<SourceCheckReport> check(Sources loaded, List<Source> chosen, int threads)
            throws InterruptedException, ExecutionException {
        AtomicInteger done = new AtomicInteger();
        Map<Source, Future<SourceCheckReport>> running = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, String> disabled = new LinkedHashMap<>();
        loaded.disabled().forEach(d -> disabled.put(d.source().id(), d.reason()));
        try (SourceCheck probe = SourceCheck.open(loaded.settings(), resolver)) {
            for (Source source : chosen) {
                running.put(source, pool.submit(() -> {
                    String reason = disabled.get(source.id());
                    SourceCheckReport report = reason != null ? probe.disabled(source, reason) : probe.check(source);
                    String block = CheckReportText.block(report, done.incrementAndGet() + "/" + chosen.size());
                    synchronized (this) {
                        (json ? System.err : System.out).print(block);
                    }
                    return report;
                }));
            }
            List<SourceCheckReport> reports = new ArrayList<>();
            for (Future<SourceCheckReport> report : running.values()) {
                reports.add(report.get());
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }
}
