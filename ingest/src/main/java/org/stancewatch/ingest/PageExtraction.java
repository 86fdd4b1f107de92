package org.stancewatch.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.stancewatch.ingest.extract.ArticleExtractor;
import org.stancewatch.ingest.extract.Extraction;
import org.stancewatch.ingest.extract.ExtractionException;
import org.stancewatch.ingest.extract.ExtractionReport;
import org.stancewatch.ingest.extract.PageSources;
import org.stancewatch.ingest.fetch.FetchException;
import org.stancewatch.ingest.fetch.FetchResponse;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.ingest.source.CrawlSettings;

/**
 * What the crawler reads out of a page, for people: a saved page or a fetched URL, reported as
 * text or as one JSON line, with the verdict the crawler would give it ("article", or why not).
 * A page that cannot be fetched is a {@link FetchException}, one that cannot be read at all an
 * {@link ExtractionException}; both carry the reason's code.
 */
public final class PageExtraction implements AutoCloseable {
    private final PageFetch fetch = new PageFetch(CrawlSettings.defaults(), HostResolver.system());
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final boolean json;

    /** @param json report as JSON lines rather than text */
    public PageExtraction(boolean json) {
        this.json = json;
    }

    /** The saved pages a path names: the file itself, or the pages in a folder. */
    public static List<Path> savedPages(Path fileOrFolder) {
        return PageSources.files(fileOrFolder);
    }

    /** Fetches the page as the crawler would (robots.txt aside) and reports it under {@code name}. */
    public String fetchAndReport(String name, URI url) throws FetchException, ExtractionException, InterruptedException {
        FetchResponse response = fetch.fetch(url);
        return report(name, response.url(), response.body(), response.contentType());
    }

    /** Reads a saved HTML page as if it came from {@code address} and reports it under the file's name. */
    public String readAndReport(Path file, URI address) throws IOException, ExtractionException {
        return report(file.toString(), address, PageSources.read(file), "text/html");
    }

    /** A failure as the JSON line that takes a report's place. */
    public static String jsonError(String name, String reason, String message) {
        return ExtractionReport.jsonError(name, reason, message);
    }

    /** Reads leniently for the report, then strictly, as the crawler does, for the verdict. */
    private String report(String name, URI address, byte[] body, String contentType) throws ExtractionException {
        Extraction extraction = extractor.read(address, body, contentType);
        String verdict = "article";
        try {
            extractor.extract(address, body, contentType);
        } catch (ExtractionException e) {
            verdict = e.reason().code();
        }
        return json ? ExtractionReport.json(name, extraction, verdict) : ExtractionReport.text(name, extraction, verdict);
    }

    @Override
    public void close() {
        fetch.close();
    }
}
