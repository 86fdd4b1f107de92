package org.stancewatch.ingest.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stancewatch.ingest.health.SourceHistory.ListingTrouble;
import org.stancewatch.ingest.health.SourceHistory.Tally;
import org.stancewatch.ingest.source.HealthSettings;
import org.stancewatch.model.SourceHealth;

/**
 * The health rules: a pure function from what the crawler remembers of a source to a verdict
 * and one sentence saying what is wrong and what to do.
 *
 * <ul>
 *   <li>Nothing is judged on a source's first visit: there is nothing to compare it with.</li>
 *   <li>{@code ROBOTS_DISALLOWED}: robots.txt does not allow one of its feeds, sitemaps or
 *       section pages.</li>
 *   <li>{@code BLOCKED}: over the last {@code failingVisits} visits, more than {@code failingShare}
 *       of the fetches (and at least two) were answered with a bot challenge or a consent wall.</li>
 *   <li>{@code DISCOVERY_GONE}: one of them answered 404 or 410, or could not be read as what it
 *       is, on {@code goneAfterVisits} visits in a row.</li>
 *   <li>{@code FAILING}: over the last {@code failingVisits} visits, more than {@code
 *       failingShare} of at least {@code failingMinFetches} fetches failed; or they wrote at
 *       least {@code deadLetterJump} dead letters and {@code deadLetterFactor} times the usual
 *       number for as many visits.</li>
 *   <li>{@code SILENT}: no new article for more than {@code silentAfter} times the median gap
 *       between new articles, and at least {@code silentAtLeast}; judged once {@code learnGaps}
 *       gaps have been seen.</li>
 * </ul>
 *
 * When several hold, the first in that order wins: each explains the ones after it (a site that
 * refuses us, blocks us, or whose feed is gone, also fails and falls silent), and is what to fix
 * first.
 */
public final class SourceHealthJudge {
    private final HealthSettings settings;

    public SourceHealthJudge(HealthSettings settings) {
        this.settings = settings;
    }

    /** A health and the sentence that explains it (empty for OK). */
    public record Verdict(SourceHealth health, String problem) {
        static final Verdict OK = new Verdict(SourceHealth.OK, "");
    }

    /** The verdict on a source's history (this visit included) at {@code now}. */
    public Verdict judge(SourceHistory history, Instant now) {
        if (history.visits() < 2) {
            return Verdict.OK;
        }
        return robots(history)
                .or(() -> blocked(history))
                .or(() -> gone(history))
                .or(() -> failing(history))
                .or(() -> silent(history, now))
                .orElse(Verdict.OK);
    }

    private Optional<Verdict> robots(SourceHistory history) {
        return history.troubles().stream()
                .filter(t -> t.result() == ListingCheck.Result.ROBOTS_DISALLOWED)
                .findFirst()
                .map(t -> new Verdict(SourceHealth.ROBOTS_DISALLOWED, "robots.txt does not allow the crawler to fetch "
                        + t.url() + "; ask the site for permission or remove it from sources.yml"));
    }

    /**
     * Judged like failing, on the share of fetches that met a challenge or a wall; two at least,
     * so that one challenged fetch of a source with a single feed is not yet a verdict.
     */
    private Optional<Verdict> blocked(SourceHistory history) {
        Tally sum = lastVisits(history);
        if (sum.blocked() >= 2 && sum.blocked() > settings.failingShare() * sum.fetches()) {
            return Optional.of(new Verdict(SourceHealth.BLOCKED, sum.blocked() + " of " + sum.fetches()
                    + " fetches over the last " + sum.visits() + " visits were answered with a bot challenge or a "
                    + "consent wall; 'stancewatch sources check' shows which, 'stancewatch dlq explain --stage ingest' "
                    + "the pages. Ask the site to let the crawler's User-Agent in, or disable the "
                    + "source"));
        }
        return Optional.empty();
    }

    private Tally lastVisits(SourceHistory history) {
        List<Tally> recent = history.recent();
        List<Tally> last = recent.subList(Math.max(0, recent.size() - settings.failingVisits()), recent.size());
        return last.stream().reduce(Tally.zero(null), Tally::plus);
    }

    private Optional<Verdict> gone(SourceHistory history) {
        return history.troubles().stream()
                .filter(t -> t.result() != ListingCheck.Result.ROBOTS_DISALLOWED
                        && t.streak() >= settings.goneAfterVisits())
                .findFirst()
                .map(t -> new Verdict(SourceHealth.DISCOVERY_GONE, t.url() + " " + what(t) + " on the last "
                        + t.streak() + " visits; find the site's new feed, sitemap or section page and update "
                        + "sources.yml"));
    }

    private static String what(ListingTrouble trouble) {
        return trouble.result() == ListingCheck.Result.GONE
                ? "answered " + (trouble.detail().isBlank() ? "that it is gone" : trouble.detail())
                : "could not be read (" + trouble.detail() + ")";
    }

    private Optional<Verdict> failing(SourceHistory history) {
        Tally sum = lastVisits(history);
        if (sum.fetches() >= settings.failingMinFetches() && sum.failures() > settings.failingShare() * sum.fetches()) {
            return Optional.of(new Verdict(SourceHealth.FAILING, sum.failures() + " of " + sum.fetches()
                    + " fetches failed over the last " + sum.visits() + " visits; "
                    + "'stancewatch dlq explain --stage ingest' shows why"));
        }
        double usual = usualDeadLettersPerVisit(history, sum);
        if (sum.deadLetters() >= settings.deadLetterJump()
                && sum.deadLetters() >= settings.deadLetterFactor() * usual * sum.visits()) {
            String compared = usual == 0 ? "where there were none before"
                    : "%.1f times the usual".formatted(sum.deadLetters() / (usual * sum.visits()));
            return Optional.of(new Verdict(SourceHealth.FAILING, sum.deadLetters() + " dead letters over the last "
                    + sum.visits() + " visits, " + compared + "; 'stancewatch dlq explain --stage ingest' shows why"));
        }
        return Optional.empty();
    }

    /** Dead letters per visit over the window before the last visits (their jump must not raise its own bar). */
    private double usualDeadLettersPerVisit(SourceHistory history, Tally lastVisits) {
        Tally window = history.days().stream().reduce(Tally.zero(null), Tally::plus);
        long visits = window.visits() - lastVisits.visits();
        return visits <= 0 ? 0 : Math.max(0, window.deadLetters() - lastVisits.deadLetters()) / (double) visits;
    }

    private Optional<Verdict> silent(SourceHistory history, Instant now) {
        if (history.lastArticle() == null || history.gapSeconds().size() < settings.learnGaps()) {
            return Optional.empty(); // no history yet to say what is usual
        }
        Duration usual = Duration.ofSeconds(median(history.gapSeconds()));
        Duration bar = Duration.ofSeconds((long) (usual.toSeconds() * settings.silentAfter()));
        bar = bar.compareTo(settings.silentAtLeast()) < 0 ? settings.silentAtLeast() : bar;
        Duration quiet = Duration.between(history.lastArticle(), now);
        if (quiet.compareTo(bar) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(SourceHealth.SILENT, "no new article for " + Spans.of(quiet)
                + " (it usually has one every " + Spans.of(usual) + "); check that its feeds still list new "
                + "articles and that its article patterns in sources.yml still match their URLs"));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
