package org.stancewatch.analyze.stream.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.stancewatch.model.Article;

/**
 * A reproducible stream of synthetic news articles for the broker tests and the topology
 * benchmark: sentences from templates about the tracked actors, friendly or hostile, across a
 * few outlets and some weeks, in roughly the order a crawler finds them (some late), with
 * revisions, syndicated copies and articles dated only by their fetch time mixed in. The
 * tone of {@code turning.example} turns from friendly to hostile halfway through.
 */
public final class Corpus {
    static final String[] OUTLETS = {"wire.example", "daily.example", "turning.example", "weekly.example"};
    static final String[] SUBJECTS = {"Moscow", "NATO", "Washington", "Medvedev", "Obama", "The Kremlin", "Brussels"};
    static final String[] FRIENDLY = {"welcomed the New START treaty", "praised the cooperation on Afghanistan",
            "agreed to more talks on missile defense", "called the reset a success", "supported the arms control agenda"};
    static final String[] HOSTILE = {"condemned the missile shield", "accused NATO of hostile moves",
            "warned of a new crisis over Libya", "rejected the sanctions on Iran's nuclear program",
            "criticized the provocation in Syria"};
    static final String[] FILLER = {"Officials met in Geneva on Tuesday.", "The talks lasted three hours.",
            "Analysts were divided.", "A statement followed late in the evening."};

    private Corpus() {}

    /** {@code count} articles (revisions and copies included) starting at {@code start}. */
    public static List<Article> generate(long seed, int count, Instant start, Duration span) {
        return generate(seed, count, start, span, Corpus::text);
    }

    /**
     * The same stream of articles, each text (first revisions and revised ones alike) drawn at
     * random from {@code bodies}, e.g. real news for a benchmark of the real scorer. Tone is then
     * whatever the bodies carry.
     */
    public static List<Article> generate(long seed, int count, Instant start, Duration span, List<String> bodies) {
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("no texts to draw articles from");
        }
        return generate(seed, count, start, span, (random, hostileShare) -> bodies.get(random.nextInt(bodies.size())));
    }

    /** Writes an article's text, given the share of hostile sentences it should have. */
    private interface Texts {
        String next(Random random, double hostileShare);
    }

    private static List<Article> generate(long seed, int count, Instant start, Duration span, Texts texts) {
        Random random = new Random(seed);
        List<Article> articles = new ArrayList<>();
        long spanMinutes = span.toMinutes();
        for (int i = 0; articles.size() < count; i++) {
            long minute = spanMinutes * i / count + random.nextInt(120);
            if (random.nextDouble() < 0.1) {
                minute -= 60L * 24 * (1 + random.nextInt(3)); // found late: backfilled, within the grace period
            }
            Instant published = start.plus(Duration.ofMinutes(Math.max(0, minute)));
            String outlet = OUTLETS[random.nextInt(OUTLETS.length)];
            boolean turning = outlet.equals("turning.example");
            double hostileShare = turning ? (minute > spanMinutes / 2 ? 1.0 : 0.1) : 0.35;
            String text = texts.next(random, hostileShare);
            Article article = random.nextDouble() < 0.05
                    ? Articles.fetchDated("story-" + i, outlet, published, text)
                    : Articles.article("story-" + i, outlet, published, text);
            articles.add(article);
            if (random.nextDouble() < 0.1 && articles.size() < count) {
                articles.add(Articles.revised(article, texts.next(random, 0.5)));
            }
            if (random.nextDouble() < 0.08 && articles.size() < count) {
                articles.add(Articles.copyIn(article, OUTLETS[(java.util.Arrays.asList(OUTLETS).indexOf(outlet) + 1)
                        % OUTLETS.length]));
            }
        }
        return articles;
    }

    private static String text(Random random, double hostileShare) {
        StringBuilder text = new StringBuilder();
        int sentences = 3 + random.nextInt(5);
        for (int s = 0; s < sentences; s++) {
            if (random.nextDouble() < 0.3) {
                text.append(FILLER[random.nextInt(FILLER.length)]);
            } else {
                String[] verbs = random.nextDouble() < hostileShare ? HOSTILE : FRIENDLY;
                text.append(SUBJECTS[random.nextInt(SUBJECTS.length)]).append(' ')
                        .append(verbs[random.nextInt(verbs.length)]).append('.');
            }
            text.append(' ');
        }
        return text.toString().strip();
    }
}
