package org.stancewatch.ingest.extract;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.stancewatch.ingest.extract.ExtractionException.Reason;

/**
 * Reads an article out of a page: a pure function of (URL, bytes, content type), with no I/O,
 * so that it gives the same answer in the crawler, in {@code stancewatch extract} and in tests.
 *
 * <p>The page is decoded ({@link PageDecoder}), parsed with Jsoup, its metadata read before
 * anything is removed ({@link MetadataReader}), then pruned of what is never text ({@link
 * Pruner}); the container of the main text is found by weighing text against links ({@link
 * MainContent}) and rendered line by line with the standfirst set above it ({@link Standfirst}),
 * dropping the boilerplate lines left inside it ({@link TextLines}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ArticleExtractor {
    /** Fewer words than this after boilerplate removal is no article. */
    public static final int DEFAULT_MIN_WORDS = 40;
    private static final double MAX_LINK_DENSITY = 0.5;
    /** Before the main text is found, boilerplate-named elements holding more than this share of the page stay. */
    private static final double PAGE_SHARE_KEPT = 0.25;
    private static final double MAIN_SHARE_KEPT = 0.5;

    private final int minWords;

    public ArticleExtractor() {
        this(DEFAULT_MIN_WORDS);
    }

    public ArticleExtractor(int minWords) {
        this.minWords = minWords;
    }

    /**
     * The article of a page, or why there is none.
     *
     * @throws ExtractionException {@code not-html} for a body that is not HTML, {@code
     *     not-an-article} for a listing or a page of links, {@code empty-extraction} when too
     *     little text is left
     */
    public Extraction extract(URI url, byte[] body, String contentType) throws ExtractionException {
        Reading reading = readPage(url, body, contentType);
        Extraction extraction = reading.extraction();
        if (reading.metadata().declaresListing()) {
            throw new ExtractionException(Reason.NOT_AN_ARTICLE, "the page declares itself a listing, not an article");
        }
        // A page that declares itself an article is one, however many links surround its text.
        if (extraction.wordCount() < minWords && reading.linkDensity() > MAX_LINK_DENSITY
                && !reading.metadata().declaresArticle()) {
            throw new ExtractionException(Reason.NOT_AN_ARTICLE,
                    "the page is mostly links (%.0f%% of its text)".formatted(100 * reading.linkDensity()));
        }
        if (extraction.wordCount() < minWords) {
            throw new ExtractionException(Reason.EMPTY_EXTRACTION,
                    "only %d words of text after boilerplate removal (at least %d needed)"
                            .formatted(extraction.wordCount(), minWords));
        }
        return extraction;
    }

    /**
     * Whatever text and metadata the page has, without judging whether it is an article (for
     * {@code stancewatch extract} and the benchmark).
     *
     * @throws ExtractionException {@code not-html} for a body that is not HTML
     */
    public Extraction read(URI url, byte[] body, String contentType) throws ExtractionException {
        return readPage(url, body, contentType).extraction();
    }

    private record Reading(Extraction extraction, PageMetadata metadata, double linkDensity) {}

    private Reading readPage(URI url, byte[] body, String contentType) throws ExtractionException {
        requireHtml(body, contentType);
        String html = PageDecoder.decode(body, contentType).text();
        Document doc = Jsoup.parse(html, url.toString());
        PageMetadata metadata = MetadataReader.read(doc, url);
        Element root = doc.body();
        double linkDensity = 0;
        String text = "";
        if (root != null) {
            DeclaredBody declared = DeclaredBody.find(root);
            root.filter(new Pruner(declared.textChars(), PAGE_SHARE_KEPT, declared));
            TextStats stats = TextStats.measure(root);
            linkDensity = stats.of(root).linkDensity();
            Element main = MainContent.find(root, stats, declared);
            // Boilerplate named as such inside the main text goes, unless it is most of it.
            main.filter(new Pruner(stats.of(main).chars, MAIN_SHARE_KEPT, declared));
            List<Element> parts = Standfirst.above(main, stats).map(lede -> List.of(lede, main)).orElse(List.of(main));
            text = TextLines.render(parts, metadata.title());
        }
        text = preferStructuredBody(text, metadata.structuredBody());
        String canonical = metadata.canonicalUrl() != null ? metadata.canonicalUrl() : url.toString();
        var published = metadata.published().or(() -> UrlDates.from(url));
        Extraction extraction = new Extraction(url, canonical, outletOf(canonical, url), metadata.title(), text,
                wordCount(text), metadata.authors(), published, LanguageGuess.of(text, metadata.declaredLanguage()));
        return new Reading(extraction, metadata, linkDensity);
    }

    /**
     * The JSON-LD {@code articleBody} where the page holds far less text than it: the article is
     * rendered by script, or hidden behind markup the scoring could not read.
     */
    private static String preferStructuredBody(String text, String structured) {
        if (structured.isBlank() || wordCount(structured) < 2 * wordCount(text)) {
            return text;
        }
        String plain = structured.indexOf('<') >= 0 ? Jsoup.parseBodyFragment(structured).body().wholeText() : structured;
        StringBuilder paragraphs = new StringBuilder();
        for (String line : plain.split("\\s*\\n\\s*")) {
            String collapsed = MetadataReader.clean(line);
            if (!collapsed.isEmpty()) {
                paragraphs.append(paragraphs.isEmpty() ? "" : "\n\n").append(collapsed);
            }
        }
        return paragraphs.toString();
    }

    /** The outlet of the canonical URL, else of the page's URL; empty for a page with neither on the web (a local file). */
    private static String outletOf(String canonical, URI url) {
        for (String candidate : new String[] {canonical, url.toString()}) {
            try {
                URI uri = URI.create(candidate);
                if (uri.getHost() != null) {
                    return Outlets.of(uri);
                }
            } catch (IllegalArgumentException e) {
                // try the next
            }
        }
        return "";
    }

    static int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    private static void requireHtml(byte[] body, String contentType) throws ExtractionException {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("%pdf")) {
            throw new ExtractionException(Reason.NOT_HTML, "the body is a PDF document, not an HTML page");
        }
        if (type.contains("html")) {
            return;
        }
        boolean looksHtml = head.startsWith("<!doctype html") || head.contains("<html") || head.contains("<head")
                || head.contains("<body");
        boolean unknownType = type.isBlank() || type.startsWith("text/plain") || type.startsWith("application/octet-stream");
        if (!(looksHtml && unknownType)) {
            throw new ExtractionException(Reason.NOT_HTML, "the body is " + (type.isBlank() ? "of no declared type" : type)
                    + ", not an HTML page");
        }
    }
}
