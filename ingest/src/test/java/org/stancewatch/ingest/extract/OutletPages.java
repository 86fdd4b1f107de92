package org.stancewatch.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.stancewatch.model.json.Json;

/**
 * A regression set of saved article pages of the configured outlets, with what a right extraction
 * holds: the text segments it must and must not contain (as in the trafilatura set), and the title,
 * publication day and bylines. The pages belong to their publishers, so the set lives outside the
 * repository (docs/extraction.md says how to build one); tests skip without it.
 *
 * <p>Layout: a folder with {@code pages.json} mapping each page's URL to
 * {@code {"file": "dw-1.html", "outlet": "dw", "title": "...", "published": "2023-04-28",
 * "authors": ["..."], "with": ["..."], "without": ["..."]}} and the files beside it, plain or
 * gzipped ({@code .html.gz}). Every field but {@code file} may be left out; what is left out is not
 * judged.
 */
record OutletPages(List<OutletPages.Page> pages) {

    /** One saved page and what its extraction must give. */
    record Page(URI url, String outlet, byte[] html, List<String> with, List<String> without, String title,
                LocalDate published, List<String> authors) {
        EvalSet.Page segments() {
            return new EvalSet.Page(url.toString(), outlet, html, with, without);
        }
    }

    /** The set's folder: the {@code stancewatch.outlet.pages} property, else beside the clone's shared data. */
    static Path folder() {
        String shared = System.getProperty("stancewatch.shared.data", "../shared/data");
        return Path.of(System.getProperty("stancewatch.outlet.pages", Path.of(shared, "extraction", "outlet-pages")
                .toString()));
    }

    static boolean available(Path folder) {
        return Files.isRegularFile(folder.resolve("pages.json"));
    }

    static OutletPages load(Path folder) {
        try {
            JsonNode index = Json.mapper().readTree(folder.resolve("pages.json").toFile());
            List<Page> pages = new ArrayList<>();
            for (var entry : index.properties()) {
                JsonNode spec = entry.getValue();
                URI url = URI.create(entry.getKey());
                String outlet = spec.path("outlet").asText(Outlets.of(url));
                String published = spec.path("published").asText("");
                pages.add(new Page(url, outlet, read(folder.resolve(spec.get("file").asText())),
                        EvalSet.texts(spec.get("with")), EvalSet.texts(spec.get("without")),
                        spec.hasNonNull("title") ? spec.get("title").asText() : null,
                        published.isEmpty() ? null : LocalDate.parse(published), strings(spec.get("authors"))));
            }
            return new OutletPages(pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(node -> values.add(node.asText()));
        }
        return values.isEmpty() ? null : values;
    }

    /** Of one kind of metadata, the pages judged and those right. */
    static final class Tally {
        int judged;
        int right;

        void add(boolean isRight) {
            judged++;
            right += isRight ? 1 : 0;
        }

        @Override
        public String toString() {
            return judged == 0 ? "-" : right + "/" + judged;
        }
    }

    /** Each outlet's figures: text segments, and titles, days and bylines right of those judged. */
    static final class OutletScore {
        final EvalSet.Score text = new EvalSet.Score();
        final Tally titles = new Tally();
        final Tally dates = new Tally();
        final Tally bylines = new Tally();
        final List<String> misses = new ArrayList<>();
        int pages;

        void add(Page page, Extraction extraction) {
            pages++;
            text.add(page.segments(), extraction == null ? "" : extraction.text());
            if (page.title() != null) {
                String title = extraction == null ? null : extraction.title();
                judge(titles, title != null && EvalSet.collapse(title).equals(EvalSet.collapse(page.title())),
                        page, "title", title, page.title());
            }
            if (page.published() != null) {
                LocalDate day = extraction == null ? null : extraction.published()
                        .map(date -> LocalDate.ofInstant(date.instant(), ZoneOffset.UTC)).orElse(null);
                // a page dated late in the evening in its own zone falls on the next day in UTC
                judge(dates, day != null && Math.abs(day.toEpochDay() - page.published().toEpochDay()) <= 1,
                        page, "date", day, page.published());
            }
            if (page.authors() != null) {
                List<String> found = extraction == null ? List.of() : extraction.authors().stream()
                        .map(a -> a.toLowerCase(Locale.ROOT)).toList();
                judge(bylines, page.authors().stream().allMatch(a -> found.contains(a.toLowerCase(Locale.ROOT))),
                        page, "authors", found, page.authors());
            }
        }

        private void judge(Tally tally, boolean right, Page page, String what, Object got, Object wanted) {
            tally.add(right);
            if (!right) {
                misses.add(page.url() + ": " + what + " " + got + ", wanted " + wanted);
            }
        }
    }

    /** The extractor's figures on the set, per outlet (sorted); a page it refuses counts as empty. */
    Map<String, OutletScore> score(ArticleExtractor extractor) {
        Map<String, OutletScore> scores = new TreeMap<>();
        for (Page page : pages) {
            Extraction extraction;
            try {
                extraction = extractor.extract(page.url(), page.html(), "text/html");
            } catch (ExtractionException e) {
                extraction = null;
            }
            scores.computeIfAbsent(page.outlet(), o -> new OutletScore()).add(page, extraction);
        }
        return scores;
    }

    /** A table of the scores, for the test's output and BENCHMARKS.md. */
    static String table(Map<String, OutletScore> scores) {
        StringBuilder out = new StringBuilder("| outlet | pages | text F1 | precision | recall | titles | dates | bylines |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        scores.forEach((outlet, s) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %s | %s | %s |%n",
                outlet, s.pages, s.text.f1(), s.text.precision(), s.text.recall(), s.titles, s.dates, s.bylines)));
        return out.toString();
    }
}
