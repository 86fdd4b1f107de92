package org.stancewatch.ingest.state;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.stancewatch.ingest.dedup.Fingerprints;
import org.stancewatch.model.Article;

/**
 * The crawl state of many article URLs, as the crawler writes it: for each URL, the page record
 * (validators, first seen, checked once for revisions, listed for two days) and the record of
 * the article it yielded (one in fifty a copy of an earlier one). URLs are spread over
 * {@link #SOURCES} sources and first seen over {@link #SPREAD}; the same count always gives the
 * same records.
 */
final class SyntheticCrawl {
    static final int SOURCES = 20;
    static final Duration SPREAD = Duration.ofDays(50);
    private static final String[] SECTIONS = {"world/europe", "world/americas", "politics", "business", "opinion"};
    private static final String[] WORDS = {"nato", "russia", "missile", "defense", "talks", "treaty", "summit",
            "sanctions", "iran", "arms", "control", "envoy", "warns", "kremlin", "washington", "reset", "after",
            "vote", "allies", "new", "start", "libya", "syria", "ministers", "meet", "over", "plan", "deal"};
    private static final DateTimeFormatter PATH_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final int urls;
    private final Instant start;

    SyntheticCrawl(int urls, Instant start) {
        this.urls = urls;
        this.start = start;
    }

    int urls() {
        return urls;
    }

    static String source(int i) {
        return String.format("outlet-%02d", i % SOURCES);
    }

    Instant firstSeen(int i) {
        return start.plus(SPREAD.multipliedBy(i).dividedBy(urls));
    }

    /** The URL of number {@code i}: about 90 characters, like a news site's. */
    String url(int i) {
        SplittableRandom random = new SplittableRandom(i);
        StringBuilder url = new StringBuilder("https://www.").append(source(i)).append(".example/")
                .append(PATH_DATE.format(firstSeen(i))).append('/')
                .append(SECTIONS[random.nextInt(SECTIONS.length)]).append('/');
        for (int w = 0; w < 5; w++) {
            url.append(WORDS[random.nextInt(WORDS.length)]).append('-');
        }
        return url.append(i).append('/').toString();
    }

    /** Hands each URL's records to {@code records}: its article first, then its page (the order the crawler writes). */
    void forEach(BiConsumer<String, Object> records) {
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < urls; i++) {
            SplittableRandom random = new SplittableRandom(~i);
            String source = source(i);
            String url = url(i);
            String id = Article.idFor(url);
            Instant seen = firstSeen(i);
            Instant checked = seen.plus(Duration.ofHours(6));
            String copyOf = i >= SOURCES && random.nextInt(50) == 0 ? Article.idFor(url(i - SOURCES)) : null;
            records.accept(StateKey.article(source, id), new ArticleState(id, source, url, 1,
                    hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong()),
                    Fingerprints.hex(random.nextLong()), 150 + random.nextInt(1350), copyOf, seen, seen,
                    Fingerprints.hex(random.nextLong())));
            records.accept(StateKey.page(source, url), new PageState(source, url, id,
                    "\"" + hex.toHexDigits(random.nextLong()) + "\"",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(seen.atZone(ZoneOffset.UTC)), seen, checked, 0, null,
                    null, seen.plus(Duration.ofDays(2))));
        }
    }
}
