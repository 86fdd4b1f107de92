package org.stancewatch.ingest.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.health.ListingCheck.Result;
import org.stancewatch.ingest.source.HealthSettings;
import org.stancewatch.model.SourceHealth;

/** Each health rule on histories built visit by visit, as the crawler builds them. */
class SourceHealthJudgeTest {
    private static final URI FEED = URI.create("https://news.example/feed.rss");
    private static final URI SITEMAP = URI.create("https://news.example/sitemap.xml");
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    private final HealthSettings settings = HealthSettings.defaults();
    private final SourceHealthJudge judge = new SourceHealthJudge(settings);

    /** Builds a source's history one visit an hour, judging after each as the crawler does. */
    private final class Source {
        SourceHistory history = SourceHistory.none();
        Instant now = T0;
        final List<SourceHealthJudge.Verdict> verdicts = new ArrayList<>();

        Source visit(long newArticles, long fetches, long failures, long deadLetters, ListingCheck... listings) {
            return visit(new Visit(now, now.plusSeconds(60), newArticles, fetches, failures, deadLetters,
                    listings.length == 0 ? List.of(ListingCheck.ok(FEED)) : List.of(listings)));
        }

        /** A visit whose failures were all bot challenges or consent walls. */
        Source blockedVisit(long fetches, long blocked) {
            return visit(new Visit(now, now.plusSeconds(60), 0, fetches, blocked, blocked,
                    List.of(new ListingCheck(FEED, Result.FAILED, "the site answered a bot challenge")), blocked));
        }

        Source visit(Visit visit) {
            history = history.after(visit, settings);
            SourceHealthJudge.Verdict verdict = judge.judge(history, visit.end());
            history = history.judged(verdict, visit.end());
            verdicts.add(verdict);
            now = now.plus(INTERVAL);
            return this;
        }

        Source healthyVisits(int n) {
            for (int i = 0; i < n; i++) {
                visit(2, 3, 0, 0);
            }
            return this;
        }

        SourceHealth health() {
            return history.health();
        }
    }

    private static ListingCheck gone(URI url) {
        return new ListingCheck(url, Result.GONE, "HTTP 404 Not Found");
    }

    @Test
    void aSourceWhoseFetchesMostlyMeetChallengesIsBlockedNotFailing() {
        Source source = new Source().healthyVisits(5).blockedVisit(3, 3).blockedVisit(3, 3);

        assertThat(source.health()).isEqualTo(SourceHealth.BLOCKED);
        assertThat(source.history.problem()).contains("bot challenge or a consent wall", "sources check");
    }

    @Test
    void oneChallengedFetchAmongWorkingOnesIsNotBlocked() {
        Source source = new Source().healthyVisits(5).blockedVisit(6, 1);

        assertThat(source.health()).isEqualTo(SourceHealth.OK);
    }

    @Test
    void aSourceThatLetsTheCrawlerInAgainIsOkAgain() {
        Source source = new Source().healthyVisits(2).blockedVisit(3, 3).blockedVisit(3, 3).healthyVisits(3);

        assertThat(source.verdicts).extracting(SourceHealthJudge.Verdict::health).contains(SourceHealth.BLOCKED);
        assertThat(source.health()).isEqualTo(SourceHealth.OK);
    }

    @Test
    void aSourceThatPublishesAsUsualIsOk() {
        Source source = new Source().healthyVisits(10);

        assertThat(source.verdicts).allSatisfy(v -> assertThat(v.health()).isEqualTo(SourceHealth.OK));
        assertThat(source.history.problem()).isEmpty();
    }

    @Test
    void nothingIsJudgedOnTheFirstVisitEvenWhenEverythingFails() {
        Source source = new Source().visit(0, 5, 5, 5, new ListingCheck(FEED, Result.ROBOTS_DISALLOWED, "refused"));

        assertThat(source.health()).isEqualTo(SourceHealth.OK);
        source.visit(0, 5, 5, 5, new ListingCheck(FEED, Result.ROBOTS_DISALLOWED, "refused"));
        assertThat(source.health()).as("judged from the second visit").isEqualTo(SourceHealth.ROBOTS_DISALLOWED);
    }

    @Test
    void aFeedAnswering404OnceIsABlipAndTwiceInARowIsDiscoveryGone() {
        Source source = new Source().healthyVisits(3);

        source.visit(0, 1, 0, 1, gone(FEED), ListingCheck.ok(SITEMAP));
        assertThat(source.health()).isEqualTo(SourceHealth.OK);
        source.visit(0, 1, 0, 1, gone(FEED), ListingCheck.ok(SITEMAP));

        assertThat(source.health()).isEqualTo(SourceHealth.DISCOVERY_GONE);
        assertThat(source.history.problem()).contains(FEED.toString(), "HTTP 404", "last 2 visits", "sources.yml");
    }

    @Test
    void aFeedThatIsNoLongerAFeedOnTwoVisitsIsDiscoveryGoneToo() {
        Source source = new Source().healthyVisits(3);
        ListingCheck unreadable = new ListingCheck(FEED, Result.UNREADABLE, "not a readable RSS or Atom feed");

        source.visit(0, 1, 1, 1, gone(FEED)).visit(0, 1, 1, 1, unreadable);

        assertThat(source.health()).as("404 then unreadable: gone two visits in a row").isEqualTo(SourceHealth.DISCOVERY_GONE);
        assertThat(source.history.problem()).contains("could not be read (not a readable RSS or Atom feed)");
    }

    @Test
    void aGoneFeedThatAnswersAgainIsOkAgainWithANewHealthSince() {
        Source source = new Source().healthyVisits(3).visit(0, 1, 0, 1, gone(FEED)).visit(0, 1, 0, 1, gone(FEED));
        Instant goneSince = source.history.healthSince();
        source.visit(0, 1, 0, 1, gone(FEED));
        assertThat(source.history.healthSince()).as("unchanged while the health is").isEqualTo(goneSince);

        source.visit(1, 2, 0, 0);

        assertThat(source.health()).isEqualTo(SourceHealth.OK);
        assertThat(source.history.problem()).isEmpty();
        assertThat(source.history.healthSince()).isAfter(goneSince);
    }

    @Test
    void robotsRefusingAFeedIsRobotsDisallowedAndClearsWhenAllowedAgain() {
        Source source = new Source().healthyVisits(3);

        source.visit(0, 0, 0, 0, new ListingCheck(FEED, Result.ROBOTS_DISALLOWED, "robots.txt does not allow /feed.rss"));
        assertThat(source.health()).isEqualTo(SourceHealth.ROBOTS_DISALLOWED);
        assertThat(source.history.problem()).contains("robots.txt", FEED.toString(), "permission");

        source.visit(1, 2, 0, 0);
        assertThat(source.health()).isEqualTo(SourceHealth.OK);
    }

    @Test
    void moreThanHalfOfTheRecentFetchesFailingIsFailing() {
        Source source = new Source().healthyVisits(3);

        source.visit(0, 4, 3, 3);
        assertThat(source.health()).as("3 of 10 over the last 3 visits").isEqualTo(SourceHealth.OK);
        source.visit(0, 4, 3, 3).visit(0, 4, 3, 3);

        assertThat(source.health()).isEqualTo(SourceHealth.FAILING);
        assertThat(source.history.problem()).contains("9 of 12 fetches failed over the last 3 visits", "dlq explain");
    }

    @Test
    void aSingleFailedFetchIsNotATrend() {
        Source source = new Source().healthyVisits(3);

        source.visit(0, 1, 1, 0).visit(0, 1, 1, 0);

        assertThat(source.health()).as("2 of 5 fetches, fewer than failingMinFetches failed").isEqualTo(SourceHealth.OK);
    }

    @Test
    void deadLettersJumpingToThreeTimesTheUsualIsFailing() {
        Source source = new Source();
        for (int i = 0; i < 12; i++) {
            source.visit(2, 20, 1, 1); // one dead letter a visit is this source's usual
        }

        source.visit(2, 20, 4, 4).visit(2, 20, 4, 4);
        assertThat(source.health()).as("8 dead letters: under the jump of 10").isEqualTo(SourceHealth.OK);
        source.visit(2, 20, 4, 4);

        assertThat(source.health()).isEqualTo(SourceHealth.FAILING);
        assertThat(source.history.problem()).contains("12 dead letters over the last 3 visits", "times the usual");
    }

    @Test
    void aSourceWithManyUsualDeadLettersIsNotFailingForThem() {
        Source source = new Source();
        for (int i = 0; i < 15; i++) {
            source.visit(2, 40, 5, 5);
        }

        assertThat(source.health()).as("15 dead letters every 3 visits is this source's normal").isEqualTo(SourceHealth.OK);
    }

    @Test
    void noNewArticleForFourTimesTheUsualGapAndAtLeastADayIsSilent() {
        Source source = new Source().healthyVisits(6); // a new article every visit: the usual gap is an hour

        for (int hour = 1; hour <= 24; hour++) {
            source.visit(0, 1, 0, 0);
        }
        assertThat(source.health()).as("4 × 1 h is under the one-day floor").isEqualTo(SourceHealth.OK);
        source.visit(0, 1, 0, 0);

        assertThat(source.health()).isEqualTo(SourceHealth.SILENT);
        assertThat(source.history.problem()).contains("no new article for 25 h", "usually has one every 1 h");

        source.visit(1, 2, 0, 0);
        assertThat(source.health()).isEqualTo(SourceHealth.OK);
    }

    @Test
    void aSourceThatPublishesRarelyIsSilentOnlyAfterFourTimesItsOwnGap() {
        Source source = new Source();
        for (int day = 0; day < 5; day++) {
            source.visit(1, 1, 0, 0);
            for (int hour = 1; hour < 48; hour++) {
                source.visit(0, 1, 0, 0); // one article every two days
            }
        }
        assertThat(source.health()).isEqualTo(SourceHealth.OK);

        for (int hour = 0; hour < 24 * 6; hour++) {
            source.visit(0, 1, 0, 0);
        }
        assertThat(source.health()).as("quiet for 7 days: under 4 × 2 days").isEqualTo(SourceHealth.OK);
        for (int hour = 0; hour < 24 * 2; hour++) {
            source.visit(0, 1, 0, 0);
        }
        assertThat(source.health()).isEqualTo(SourceHealth.SILENT);
    }

    @Test
    void aSourceWithoutHistoryOfArticlesIsNotJudgedSilent() {
        Source source = new Source().visit(5, 6, 0, 0).visit(1, 2, 0, 0);
        for (int hour = 0; hour < 24 * 5; hour++) {
            source.visit(0, 1, 0, 0);
        }

        assertThat(source.history.gapSeconds()).hasSizeLessThan(settings.learnGaps());
        assertThat(source.health()).isEqualTo(SourceHealth.OK);
    }

    @Test
    void robotsComesBeforeGoneWhichComesBeforeFailingWhichComesBeforeSilent() {
        Source source = new Source().healthyVisits(6);
        for (int hour = 0; hour < 30; hour++) {
            source.visit(0, 1, 0, 0);
        }
        assertThat(source.health()).isEqualTo(SourceHealth.SILENT);

        source.visit(0, 4, 4, 0).visit(0, 4, 4, 0);
        assertThat(source.health()).as("failing and silent").isEqualTo(SourceHealth.FAILING);

        source.visit(0, 4, 4, 1, gone(SITEMAP)).visit(0, 4, 4, 1, gone(SITEMAP));
        assertThat(source.health()).as("gone, failing and silent").isEqualTo(SourceHealth.DISCOVERY_GONE);

        source.visit(0, 4, 4, 1, gone(SITEMAP), new ListingCheck(FEED, Result.ROBOTS_DISALLOWED, "refused"));
        assertThat(source.health()).as("all four").isEqualTo(SourceHealth.ROBOTS_DISALLOWED);
    }

    @Test
    void thresholdsAreSettings() {
        SourceHealthJudge strict = new SourceHealthJudge(new HealthSettings(4, Duration.ofDays(1), 3, 3, 0.5, 4, 10, 3,
                1, Duration.ofDays(7)));
        SourceHistory history = SourceHistory.none();
        for (int i = 0; i < 3; i++) {
            history = history.after(new Visit(T0.plusSeconds(i * 3600L), T0.plusSeconds(i * 3600L + 60), 1, 2, 0, 0,
                    List.of(ListingCheck.ok(FEED))), settings);
        }
        history = history.after(new Visit(T0.plusSeconds(4 * 3600), T0.plusSeconds(4 * 3600 + 60), 0, 1, 0, 1,
                List.of(gone(FEED))), settings);

        assertThat(judge.judge(history, T0.plusSeconds(4 * 3600 + 60)).health()).isEqualTo(SourceHealth.OK);
        assertThat(strict.judge(history, T0.plusSeconds(4 * 3600 + 60)).health())
                .as("goneAfterVisits: 1").isEqualTo(SourceHealth.DISCOVERY_GONE);
    }
}
