package org.stancewatch.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.dedup.Fingerprints;

class StateRetentionTest {
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    private static final String SOURCE = "herald";
    private static final String URL = "https://herald.example/2024/03/01/story/";
    private static final long SIMHASH = 0x5f3a_61b2_c8e4_d1a7L;

    private final CrawlState state = new CrawlState();
    private final StateRetention retention = new StateRetention(RETENTION);

    /** A page found by a listing at {@code at}, fetched then, that yielded article {@code id}. */
    private void articlePage(String url, String id, long simhash, Instant at) {
        state.apply(StateKey.page(SOURCE, url),
                PageState.discovered(SOURCE, url, at).fetched(id, "\"e1\"", "Fri, 01 Mar 2024 00:00:00 GMT", at));
        state.apply(StateKey.article(SOURCE, id), new ArticleState(id, SOURCE, url, 1, "hash-" + id,
                Fingerprints.hex(simhash), 400, null, at, at, null));
    }

    private StateRetention.Sweep sweepAt(Instant now, Set<String> listed) {
        StateRetention.Sweep sweep = retention.sweep(state, SOURCE, listed, now, true);
        sweep.listed().forEach(page -> state.apply(StateKey.page(SOURCE, page.url()), page));
        sweep.forgotten().forEach(key -> state.apply(key, null));
        return sweep;
    }

    @Test
    void aPageNoListingNamesIsForgottenWithItsArticleOnceTheRetentionHasPassed() {
        articlePage(URL, "a1", SIMHASH, T0);

        assertThat(sweepAt(T0.plus(RETENTION).minusSeconds(60), Set.of()).forgotten()).isEmpty();
        StateRetention.Sweep sweep = sweepAt(T0.plus(RETENTION).plusSeconds(60), Set.of());

        assertThat(sweep.forgotten()).containsExactly(StateKey.page(SOURCE, URL), StateKey.article(SOURCE, "a1"));
        assertThat(state.page(SOURCE, URL)).isEmpty();
        assertThat(state.article("a1")).isEmpty();
        assertThat(state.pageCount(SOURCE)).isZero();
        assertThat(state.articleWithContent("hash-a1")).as("its text no longer names it").isEmpty();
        assertThat(state.nearDuplicateOf(SIMHASH, OptionalLong.empty(), "other")).as("nor its fingerprint").isEmpty();
    }

    @Test
    void theRetentionCountsFromTheLastFetchWhenThatCameAfterTheListing() {
        articlePage(URL, "a1", SIMHASH, T0);
        // re-checked for revisions a day after it was listed
        state.apply(StateKey.page(SOURCE, URL), state.page(SOURCE, URL).orElseThrow().notModified(T0.plus(Duration.ofDays(1))));

        assertThat(sweepAt(T0.plus(RETENTION).plusSeconds(60), Set.of()).forgotten()).isEmpty();
        assertThat(sweepAt(T0.plus(RETENTION).plus(Duration.ofDays(1)).plusSeconds(60), Set.of()).forgotten())
                .contains(StateKey.page(SOURCE, URL));
    }

    @Test
    void aPageListedOnEveryRunIsNeverForgottenAndItsListingTimeIsWrittenOnlyNowAndThen() {
        articlePage(URL, "a1", SIMHASH, T0);
        int written = 0;
        for (int day = 1; day <= 120; day++) {
            StateRetention.Sweep sweep = sweepAt(T0.plus(Duration.ofDays(day)), Set.of(URL));
            assertThat(sweep.forgotten()).as("day %d", day).isEmpty();
            written += sweep.listed().size();
        }

        assertThat(state.page(SOURCE, URL)).isPresent();
        assertThat(state.article("a1")).isPresent();
        assertThat(written).as("when the last one is over a tenth of the retention (3 days) old, not every run")
                .isEqualTo(30);
        // unlisted from day 120 on: gone 30 days after the last listing time written (day 120)
        assertThat(sweepAt(T0.plus(Duration.ofDays(149)), Set.of()).forgotten()).isEmpty();
        assertThat(sweepAt(T0.plus(Duration.ofDays(151)), Set.of()).forgotten()).hasSize(2);
    }

    @Test
    void nothingIsForgottenInARunThatCouldReadNoListing() {
        articlePage(URL, "a1", SIMHASH, T0);

        StateRetention.Sweep sweep = retention.sweep(state, SOURCE, Set.of(), T0.plus(Duration.ofDays(60)), false);

        assertThat(sweep.isEmpty()).isTrue();
    }

    @Test
    void anArticleAnotherKeptPageStillLeadsToIsKept() {
        articlePage(URL, "a1", SIMHASH, T0);
        String amp = "https://herald.example/amp/2024/03/01/story/";
        state.apply(StateKey.page(SOURCE, amp), PageState.discovered(SOURCE, amp, T0.plus(Duration.ofDays(20)))
                .fetched("a1", null, null, T0.plus(Duration.ofDays(20))));

        StateRetention.Sweep sweep = sweepAt(T0.plus(Duration.ofDays(31)), Set.of());

        assertThat(sweep.forgotten()).containsExactly(StateKey.page(SOURCE, URL));
        assertThat(state.article("a1")).isPresent();
        assertThat(sweepAt(T0.plus(Duration.ofDays(51)), Set.of()).forgotten())
                .containsExactlyInAnyOrder(StateKey.page(SOURCE, amp), StateKey.article(SOURCE, "a1"));
    }

    @Test
    void otherSourcesAreLeftAlone() {
        articlePage(URL, "a1", SIMHASH, T0);

        assertThat(retention.sweep(state, "wire", Set.of(), T0.plus(Duration.ofDays(60)), true).isEmpty()).isTrue();
    }

    @Test
    void aRunWritesAtMostItsShareAndTheRestFollowsInLaterRuns() {
        StateRetention small = new StateRetention(RETENTION, 3);
        for (int i = 0; i < 4; i++) {
            articlePage(URL + i, "a" + i, SIMHASH ^ (1L << i), T0);
        }

        StateRetention.Sweep first = small.sweep(state, SOURCE, Set.of(), T0.plus(Duration.ofDays(31)), true);
        assertThat(first.forgotten()).hasSize(3);
        first.forgotten().forEach(key -> state.apply(key, null));
        StateRetention.Sweep rest = small.sweep(state, SOURCE, Set.of(), T0.plus(Duration.ofDays(31)), true);
        rest.forgotten().forEach(key -> state.apply(key, null));
        StateRetention.Sweep last = small.sweep(state, SOURCE, Set.of(), T0.plus(Duration.ofDays(31)), true);
        last.forgotten().forEach(key -> state.apply(key, null));

        assertThat(state.pageCount(SOURCE)).isZero();
        assertThat(state.articleCount()).isZero();
    }

    @Test
    void aForgottenOriginalThatComesBackIsNotMarkedACopyOfItsOwnCopy() {
        articlePage(URL, "original", SIMHASH, T0);
        String copyUrl = "https://herald.example/syndicated/story/";
        state.apply(StateKey.page(SOURCE, copyUrl), PageState.discovered(SOURCE, copyUrl, T0.plus(Duration.ofDays(10)))
                .fetched("copy", null, null, T0.plus(Duration.ofDays(10))));
        state.apply(StateKey.article(SOURCE, "copy"), new ArticleState("copy", SOURCE, copyUrl, 1, "hash-copy",
                Fingerprints.hex(SIMHASH ^ 0b11), 400, "original", T0.plus(Duration.ofDays(10)),
                T0.plus(Duration.ofDays(10)), null));

        sweepAt(T0.plus(Duration.ofDays(31)), Set.of());

        assertThat(state.article("original")).isEmpty();
        assertThat(state.nearDuplicateOf(SIMHASH, OptionalLong.empty(), "original")).isEmpty();
        assertThat(state.nearDuplicateOf(SIMHASH, OptionalLong.empty(), "third")).contains("copy");
    }

    @Test
    void manyForgottenArticlesAreSweptOutOfTheFingerprintIndexes() {
        for (int i = 0; i < 3000; i++) {
            articlePage(URL + i, "a" + i, SIMHASH ^ ((long) i << 20), T0);
        }
        articlePage(URL + "kept", "kept", SIMHASH, T0.plus(Duration.ofDays(20)));

        new StateRetention(RETENTION, Integer.MAX_VALUE).sweep(state, SOURCE, Set.of(), T0.plus(Duration.ofDays(31)), true)
                .forgotten().forEach(key -> state.apply(key, null));

        assertThat(state.articleCount()).isOne();
        assertThat(state.article("kept")).isPresent();
        assertThat(state.fingerprints()).as("forgotten ones swept out, but for fewer than the sweep waits for")
                .isLessThanOrEqualTo(1 + 1024);
        assertThat(state.nearDuplicateOf(SIMHASH ^ 0b1, OptionalLong.empty(), "new")).contains("kept");
    }
}
