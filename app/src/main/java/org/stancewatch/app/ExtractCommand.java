package org.stancewatch.app;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.stancewatch.ingest.PageExtraction;
import org.stancewatch.ingest.extract.ExtractionException;
import org.stancewatch.ingest.fetch.FetchException;
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

    @Override
    public Integer call() throws Exception {
        int failures = 0;
        try (PageExtraction pages = new PageExtraction(json)) {
            for (String input : inputs) {
                String lower = input.toLowerCase(Locale.ROOT);
                if (lower.startsWith("http://") || lower.startsWith("https://")) {
                    failures += fetchAndExtract(pages, input);
                    continue;
                }
                Path path = Path.of(input);
                if (!Files.exists(path)) {
                    failures += error(input, "no-such-file", "no such file or folder");
                    continue;
                }
                for (Path file : PageExtraction.savedPages(path)) {
                    failures += extractFile(pages, file);
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private int fetchAndExtract(PageExtraction pages, String input) throws InterruptedException {
        URI target;
        try {
            target = URI.create(input);
        } catch (IllegalArgumentException e) {
            return error(input, "invalid-url", e.getMessage());
        }
        try {
            System.out.println(pages.fetchAndReport(input, target));
            return 0;
        } catch (FetchException e) {
            return error(input, e.code(), e.getMessage());
        } catch (ExtractionException e) {
            return error(input, e.reason().code(), e.getMessage());
        }
    }

    private int extractFile(PageExtraction pages, Path file) {
        try {
            URI address = url != null ? url : file.toAbsolutePath().toUri();
            System.out.println(pages.readAndReport(file, address));
            return 0;
        } catch (java.io.IOException e) {
            return error(file.toString(), "unreadable", e.getMessage());
        } catch (ExtractionException e) {
            return error(file.toString(), e.reason().code(), e.getMessage());
        }
    }

    private int error(String name, String reason, String message) {
        if (json) {
            System.out.println(PageExtraction.jsonError(name, reason, message));
        } else {
            System.err.println("== " + name + ": " + reason + ": " + message);
        }
        return 1;
    }
}
