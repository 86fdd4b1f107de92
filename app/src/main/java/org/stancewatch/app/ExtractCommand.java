package org.stancewatch.app;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.stancewatch.ingest.PageFetch;
import org.stancewatch.ingest.extract.ArticleExtractor;
import org.stancewatch.ingest.extract.Extraction;
import org.stancewatch.ingest.extract.ExtractionException;
import org.stancewatch.ingest.extract.ExtractionReport;
import org.stancewatch.ingest.extract.PageSources;
import org.stancewatch.ingest.fetch.FetchException;
import org.stancewatch.ingest.fetch.FetchResponse;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.ingest.source.CrawlSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stancewatch extract}: what the crawler would read out of pages. */
@Command(name = "extract",
        mixinStandardHelpOptions = true,
        header = "Extracts articles from saved pages or URLs and prints them.",
        description = {
            "Runs the crawler's article extraction (title, main text without boilerplate, publication date and "
                    + "where it came from, authors, language, canonical URL, outlet) on each input and prints the "
                    + "result. Inputs are HTML files (gzipped or not), folders of them (.html, .htm, .gz; all "
                    + "extracted in one process), or http(s) URLs, fetched like the crawler does (robots.txt, "
                    + "SSRF guard, size and time limits).",
            "",
            "A page that would not be published (too little text, a listing) is still shown, with the reason.",
            ""
        })
final class ExtractCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", description = "the address a saved page came from: resolves its links and "
            + "gives its outlet and URL date (files only)")
    URI url;

    @Option(names = "--json", description = "print one JSON object per line: file, url, verdict, title, publishedAt, dateSource, "
            + "authors, language, canonicalUrl, outlet, wordCount, text (or file, error, message)")
    boolean json;

    @Parameters(paramLabel = "FILE|URL|FOLDER", arity = "1..*", description = "saved pages, folders of them, or http(s) URLs")
    List<String> inputs;

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Override
    public Integer call() throws Exception {
        int failures = 0;
        try (PageFetch fetch = new PageFetch(CrawlSettings.defaults(), HostResolver.system())) {
            for (String input : inputs) {
                String lower = input.toLowerCase(Locale.ROOT);
                if (lower.startsWith("http://") || lower.startsWith("https://")) {
                    failures += fetchAndExtract(fetch, input);
                    continue;
                }
                Path path = Path.of(input);
                if (!Files.exists(path)) {
                    failures += error(input, "no-such-file", "no such file or folder");
                    continue;
                }
                for (Path file : PageSources.files(path)) {
                    failures += extractFile(file);
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private int fetchAndExtract(PageFetch fetch, String input) throws InterruptedException {
        URI target;
        try {
            target = URI.create(input);
        } catch (IllegalArgumentException e) {
            return error(input, "invalid-url", e.getMessage());
        }
        try {
            FetchResponse response = fetch.fetch(target);
            return show(input, response.url(), response.body(), response.contentType());
        } catch (FetchException e) {
            return error(input, e.code(), e.getMessage());
        }
    }

    private int extractFile(Path file) {
        try {
            URI address = url != null ? url : file.toAbsolutePath().toUri();
            return show(file.toString(), address, PageSources.read(file), "text/html");
        } catch (java.io.IOException e) {
            return error(file.toString(), "unreadable", e.getMessage());
        }
    }

    private int show(String name, URI address, byte[] body, String contentType) {
        Extraction extraction;
        try {
            extraction = extractor.read(address, body, contentType);
        } catch (ExtractionException e) {
            return error(name, e.reason().code(), e.getMessage());
        }
        String verdict = "article";
        try {
            extractor.extract(address, body, contentType);
        } catch (ExtractionException e) {
            verdict = e.reason().code();
        }
        System.out.println(json ? ExtractionReport.json(name, extraction, verdict) : ExtractionReport.text(name, extraction, verdict));
        return 0;
    }

    private int error(String name, String reason, String message) {
        if (json) {
            System.out.println(ExtractionReport.jsonError(name, reason, message));
        } else {
            System.err.println("== " + name + ": " + reason + ": " + message);
        }
        return 1;
    }
}
