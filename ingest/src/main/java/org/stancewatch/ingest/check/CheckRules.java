package org.stancewatch.ingest.check;

import java.util.List;
import java.util.Optional;
import org.stancewatch.ingest.fetch.FetchFailure;

/**
 * The verdict of a check: a pure function of what the listings and the article answered. The
 * first thing in the crawler's way wins, in the order a crawl meets them: the listings (robots,
 * blocks, failures), what they list (nothing, nothing that is an article), then the article
 * (robots, blocks, fetch, extraction).
 */
final class CheckRules {
    private CheckRules() {}

    /** A verdict and its sentence. */
    record Verdict(CheckVerdict verdict, String reason) {}

    static Verdict judge(List<ListingProbe> listings, ArticleProbe article, String robotName) {
        List<ListingProbe> read = listings.stream().filter(ListingProbe::read).toList();
        if (read.isEmpty()) {
            return unreadable(listings, robotName);
        }
        int found = read.stream().filter(l -> !l.index()).mapToInt(ListingProbe::found).sum();
        int accepted = read.stream().mapToInt(ListingProbe::accepted).sum();
        if (found == 0) {
            return new Verdict(CheckVerdict.NO_ITEMS, "its feeds, sitemaps and section pages answered but list "
                    + "nothing; check that they are still the site's current ones");
        }
        if (accepted == 0 || article == null) {
            return new Verdict(CheckVerdict.NO_ARTICLES_MATCH, found + " items listed, none of them accepted by "
                    + "its articles patterns; compare the items' URLs with articles.allow and deny in sources.yml");
        }
        return articleVerdict(article, robotName)
                .orElseGet(() -> new Verdict(CheckVerdict.OK, accepted + (accepted == 1 ? " article" : " articles")
                        + " listed; read \"" + article.title()
                        + "\" (" + article.words() + " words)" + troubles(listings)));
    }

    /** No listing could be read: why, the most telling reason first. */
    private static Verdict unreadable(List<ListingProbe> listings, String robotName) {
        if (listings.isEmpty()) {
            return new Verdict(CheckVerdict.FETCH_FAILED, "no feed, sitemap or section page was tried");
        }
        if (listings.stream().allMatch(l -> l.robots() == RobotsVerdict.DISALLOWED
                || l.robots() == RobotsVerdict.UNREACHABLE)) {
            ListingProbe first = listings.getFirst();
            return new Verdict(CheckVerdict.ROBOTS_DISALLOWED, robots(first.robots(), robotName, first.url().toString())
                    + "; ask the site for permission, or disable the source");
        }
        for (ListingProbe listing : listings) {
            Optional<CheckVerdict> block = block(listing.failure());
            if (block.isPresent()) {
                return new Verdict(block.get(), listing.url() + ": " + listing.problem() + "; " + BLOCK_ADVICE);
            }
        }
        ListingProbe first = listings.getFirst();
        return new Verdict(CheckVerdict.FETCH_FAILED, "no feed, sitemap or section page could be read: " + first.url()
                + ": " + first.problem() + (listings.size() > 1 ? " (and " + (listings.size() - 1) + " more)" : ""));
    }

    private static final String BLOCK_ADVICE = "the crawler cannot get past it: ask the site to let its User-Agent "
            + "in, or disable the source";

    private static Optional<Verdict> articleVerdict(ArticleProbe article, String robotName) {
        if (article.robots() == RobotsVerdict.DISALLOWED || article.robots() == RobotsVerdict.UNREACHABLE) {
            return Optional.of(new Verdict(CheckVerdict.ROBOTS_DISALLOWED, robots(article.robots(), robotName,
                    "articles such as " + article.url()) + "; ask the site for permission, or disable the source"));
        }
        if (article.extracted()) {
            return Optional.empty();
        }
        Optional<CheckVerdict> block = block(article.failure());
        if (block.isPresent()) {
            return Optional.of(new Verdict(block.get(), article.url() + ": " + article.problem() + "; " + BLOCK_ADVICE));
        }
        if (!isExtraction(article.failure())) {
            return Optional.of(new Verdict(CheckVerdict.FETCH_FAILED, "the article " + article.url()
                    + " could not be fetched: " + article.problem()));
        }
        return Optional.of(new Verdict(CheckVerdict.EXTRACTION_FAILED, "no article could be read out of "
                + article.url() + " (" + article.failure() + ": " + article.problem() + "); 'stancewatch extract "
                + article.url() + "' shows what the extractor sees"));
    }

    private static boolean isExtraction(String failure) {
        return failure.equals("not-html") || failure.equals("not-an-article") || failure.equals("empty-extraction")
                || failure.equals("parser-failed");
    }

    private static Optional<CheckVerdict> block(String failure) {
        if (failure.equals(FetchFailure.BOT_CHALLENGE.code())) {
            return Optional.of(CheckVerdict.BOT_CHALLENGE);
        }
        if (failure.equals(FetchFailure.CONSENT_WALL.code())) {
            return Optional.of(CheckVerdict.CONSENT_WALL);
        }
        return Optional.empty();
    }

    private static String robots(RobotsVerdict verdict, String robotName, String what) {
        return verdict == RobotsVerdict.UNREACHABLE
                ? "robots.txt could not be fetched (5xx or no answer), so nothing may be crawled there for now (RFC 9309)"
                : "robots.txt does not allow " + robotName + " to fetch " + what;
    }

    /** A working source's listings that failed, said after its OK. */
    private static String troubles(List<ListingProbe> listings) {
        List<ListingProbe> failed = listings.stream().filter(l -> !l.read()).toList();
        if (failed.isEmpty()) {
            return "";
        }
        return "; but " + failed.size() + " of " + listings.size() + " listings failed, e.g. " + failed.getFirst().url()
                + ": " + failed.getFirst().problem();
    }
}
