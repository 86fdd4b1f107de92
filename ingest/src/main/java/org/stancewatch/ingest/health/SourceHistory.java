package org.stancewatch.ingest.health;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.stancewatch.ingest.source.HealthSettings;
import org.stancewatch.model.SourceHealth;

/**
 * What the health rules remember of a source, kept in its run state in the crawl-state topic so
 * it survives restarts and moves with the source to another crawler instance. It stays small
 * whatever the source's interval: the last {@value #MAX_GAPS} gaps between new articles, the
 * last {@link HealthSettings#MAX_RECENT_VISITS} visits, one tally per day of the window, and
 * the listings in trouble.
 *
 * @param visits      visits so far
 * @param firstVisit  the first visit's start (null before any)
 * @param lastVisit   the latest visit's end
 * @param lastSuccess the latest visit whose discovery worked
 * @param lastArticle the latest visit that found a new article
 * @param gapSeconds  the gaps between visits that found new articles, oldest first
 * @param recent      the latest visits, oldest first, one tally each
 * @param days        one tally per UTC day, oldest first (the first visit's articles, a feed's
 *                    backlog rather than a day's news, are left out)
 * @param troubles    the source's listings that were not fine on the latest visit, with for how many visits
 * @param health      the current verdict
 * @param problem     its sentence
 * @param healthSince when the source entered {@code health}
 */
public record SourceHistory(
        long visits,
        Instant firstVisit,
        Instant lastVisit,
        Instant lastSuccess,
        Instant lastArticle,
        List<Long> gapSeconds,
        List<Tally> recent,
        List<Tally> days,
        List<ListingTrouble> troubles,
        SourceHealth health,
        String problem,
        Instant healthSince) {

    /** Gaps between new articles kept: enough for a median that one odd weekend does not move. */
    public static final int MAX_GAPS = 10;

    /**
     * Counts over one visit ({@code visits} 1) or one day.
     *
     * @param at      the visit's end, or the day's start
     * @param blocked of the failures, fetches answered with a bot challenge or a consent wall
     */
    public record Tally(Instant at, long visits, long newArticles, long fetches, long failures, long deadLetters,
                        Long blocked) {
        public Tally {
            blocked = blocked == null ? 0L : blocked; // absent from tallies stored before it was counted
        }

        /** A tally without bot challenges or consent walls. */
        public Tally(Instant at, long visits, long newArticles, long fetches, long failures, long deadLetters) {
            this(at, visits, newArticles, fetches, failures, deadLetters, 0L);
        }

        Tally plus(Tally other) {
            return new Tally(at, visits + other.visits, newArticles + other.newArticles, fetches + other.fetches,
                    failures + other.failures, deadLetters + other.deadLetters, blocked + other.blocked);
        }

        static Tally zero(Instant at) {
            return new Tally(at, 0, 0, 0, 0, 0);
        }
    }

    /**
     * A listing that was gone, unreadable or refused by robots.txt on the latest visits.
     *
     * @param streak the visits in a row it was so
     */
    public record ListingTrouble(String url, ListingCheck.Result result, int streak, String detail) {}

    public SourceHistory {
        gapSeconds = gapSeconds == null ? List.of() : List.copyOf(gapSeconds);
        recent = recent == null ? List.of() : List.copyOf(recent);
        days = days == null ? List.of() : List.copyOf(days);
        troubles = troubles == null ? List.of() : List.copyOf(troubles);
        health = health == null ? SourceHealth.OK : health;
        problem = problem == null ? "" : problem;
    }

    /** A source never visited. */
    public static SourceHistory none() {
        return new SourceHistory(0, null, null, null, null, List.of(), List.of(), List.of(), List.of(), SourceHealth.OK,
                "", null);
    }

    /** This history with one more visit counted in (the verdict is left as it was: see {@link #judged}). */
    public SourceHistory after(Visit visit, HealthSettings settings) {
        Instant end = visit.end();
        Tally tally = new Tally(end, 1, visit.newArticles(), visit.fetches(), visit.failures(), visit.deadLetters(),
                visit.blocked());
        List<Tally> recentNow = last(append(recent, tally), HealthSettings.MAX_RECENT_VISITS);

        Instant day = end.truncatedTo(ChronoUnit.DAYS);
        Tally counted = new Tally(day, 1, visits == 0 ? 0 : visit.newArticles(), visit.fetches(), visit.failures(),
                visit.deadLetters(), visit.blocked());
        List<Tally> daysNow = new ArrayList<>(days);
        if (!daysNow.isEmpty() && daysNow.getLast().at().equals(day)) {
            daysNow.set(daysNow.size() - 1, daysNow.getLast().plus(counted));
        } else {
            daysNow.add(counted);
        }
        Instant keepFrom = end.minus(settings.window()).minus(Duration.ofDays(1));
        daysNow.removeIf(d -> d.at().isBefore(keepFrom));

        List<Long> gaps = gapSeconds;
        Instant articleAt = lastArticle;
        if (visit.newArticles() > 0) {
            if (lastArticle != null) {
                gaps = last(append(gapSeconds, Duration.between(lastArticle, end).toSeconds()), MAX_GAPS);
            }
            articleAt = end;
        }
        return new SourceHistory(visits + 1, firstVisit != null ? firstVisit : visit.start(), end,
                visit.discoveryWorked() ? end : lastSuccess, articleAt, gaps, recentNow, daysNow,
                troublesAfter(visit), health, problem, healthSince);
    }

    /** Streaks go on while a listing stays in the same trouble; a listing that is fine again leaves the list. */
    private List<ListingTrouble> troublesAfter(Visit visit) {
        Map<String, ListingTrouble> before = troubles.stream()
                .collect(Collectors.toMap(ListingTrouble::url, Function.identity(), (a, b) -> b));
        List<ListingTrouble> now = new ArrayList<>();
        for (ListingCheck check : visit.listings()) {
            if (check.result() == ListingCheck.Result.OK || check.result() == ListingCheck.Result.FAILED) {
                continue;
            }
            ListingTrouble previous = before.get(check.url().toString());
            boolean same = previous != null && sameTrouble(previous.result(), check.result());
            now.add(new ListingTrouble(check.url().toString(), check.result(), same ? previous.streak() + 1 : 1,
                    check.detail()));
        }
        return now;
    }

    private static boolean sameTrouble(ListingCheck.Result a, ListingCheck.Result b) {
        boolean goneA = a == ListingCheck.Result.GONE || a == ListingCheck.Result.UNREADABLE;
        boolean goneB = b == ListingCheck.Result.GONE || b == ListingCheck.Result.UNREADABLE;
        return goneA ? goneB : a == b;
    }

    /** This history with the judge's verdict; {@code healthSince} moves only when the health changes. */
    public SourceHistory judged(SourceHealthJudge.Verdict verdict, Instant at) {
        Instant since = verdict.health() == health && healthSince != null ? healthSince : at;
        return new SourceHistory(visits, firstVisit, lastVisit, lastSuccess, lastArticle, gapSeconds, recent, days,
                troubles, verdict.health(), verdict.problem(), since);
    }

    /** The days of the window that ends at {@code now}, added up. */
    public Tally window(Instant now, Duration window) {
        Instant from = now.minus(window);
        Tally total = Tally.zero(from);
        for (Tally day : days) {
            if (day.at().plus(Duration.ofDays(1)).isAfter(from)) {
                total = total.plus(day);
            }
        }
        return total;
    }

    /**
     * New articles per day over the window, or since the first visit if that is later; a span
     * shorter than a day counts as a day, so a young source's rate is not blown up.
     */
    public double articlesPerDay(Instant now, Duration window) {
        if (firstVisit == null) {
            return 0;
        }
        Instant from = now.minus(window).isAfter(firstVisit) ? now.minus(window) : firstVisit;
        double days = Math.max(1.0, Duration.between(from, now).toSeconds() / 86_400.0);
        return window(now, window).newArticles() / days;
    }

    private static <T> List<T> append(List<T> list, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.add(value);
        return copy;
    }

    private static <T> List<T> last(List<T> list, int n) {
        return list.size() <= n ? list : list.subList(list.size() - n, list.size());
    }
}
