package org.stancewatch.notify.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.AlertKind;
import org.stancewatch.model.Direction;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.notify.notice.Notice;
import org.stancewatch.notify.testing.TestNotices;

class NoticeMatcherTest {
    private static final Notice HOSTILE = Notice.of(TestNotices.alert("russia", "missile-defense", Direction.NEGATIVE, 4.0, 12, 0));
    private static final Notice WARMER = Notice.of(TestNotices.alert("russia", "new-start", Direction.POSITIVE, 2.0, 3, 0));
    private static final Notice BURST = Notice.of(TestNotices.alert(AlertKind.ATTENTION, "iran", "all", "example.com",
            Direction.POSITIVE, 5.0, 30, 0));
    private static final Notice SOURCE_DOWN = Notice.of(TestNotices.status("reuters", SourceHealth.FAILING, TestNotices.DAY));

    @Test
    void aNoticeGoesToTheUnionOfTheChannelsOfEveryWatchlistItMatchesEachOnce() {
        NoticeMatcher matcher = new NoticeMatcher(List.of(
                everything("all", "feed", "hook"),
                watch("russia").actors("russia").channels("hook", "mail").build(),
                watch("iran").actors("iran").channels("pager").build()));

        assertThat(matcher.channelsFor(HOSTILE)).containsExactly("feed", "hook", "mail");
        assertThat(matcher.channelsFor(BURST)).containsExactly("feed", "hook", "pager");
    }

    @Test
    void aNoticeNoWatchlistMatchesGoesNowhere() {
        NoticeMatcher matcher = new NoticeMatcher(List.of(watch("iran").actors("iran").channels("pager").build()));

        assertThat(matcher.channelsFor(HOSTILE)).isEmpty();
    }

    @Test
    void alertFiltersKeepOnlyTheAlertsTheyDescribe() {
        // alert filters leave source notices alone (kinds: [tone] keeps those out)
        assertThat(matches(watch("w").topics("missile-defense").build())).containsExactly(HOSTILE, SOURCE_DOWN);
        assertThat(matches(watch("w").actors("iran").build())).containsExactly(BURST, SOURCE_DOWN);
        assertThat(matches(watch("w").direction(Direction.NEGATIVE).build())).containsExactly(HOSTILE, SOURCE_DOWN);
        assertThat(matches(watch("w").minSignificance(3.0).build())).containsExactly(HOSTILE, BURST, SOURCE_DOWN);
        assertThat(matches(watch("w").minEvidence(10).build())).containsExactly(HOSTILE, BURST, SOURCE_DOWN);
        assertThat(matches(watch("w").holders("nato").build())).containsExactly(SOURCE_DOWN);
    }

    @Test
    void kindsSeparateToneAttentionAndSourceNotices() {
        assertThat(matches(watch("w").kinds(NoticeKind.TONE).build())).containsExactly(HOSTILE, WARMER);
        assertThat(matches(watch("w").kinds(NoticeKind.ATTENTION).build())).containsExactly(BURST);
        assertThat(matches(watch("w").kinds(NoticeKind.SOURCE).build())).containsExactly(SOURCE_DOWN);
    }

    @Test
    void sourcesAndOutletsPickSourceNotices() {
        assertThat(matches(watch("w").kinds(NoticeKind.SOURCE).sources("reuters").build())).containsExactly(SOURCE_DOWN);
        assertThat(matches(watch("w").kinds(NoticeKind.SOURCE).sources("bbc").build())).isEmpty();
        assertThat(matches(watch("w").outlets("reuters.example").build())).containsExactly(SOURCE_DOWN);
    }

    private static List<Notice> matches(Watchlist watchlist) {
        NoticeMatcher matcher = new NoticeMatcher(List.of(watchlist));
        return List.of(HOSTILE, WARMER, BURST, SOURCE_DOWN).stream().filter(n -> !matcher.channelsFor(n).isEmpty()).toList();
    }

    private static Watchlist everything(String name, String... channels) {
        return watch(name).channels(channels).build();
    }

    private static Builder watch(String name) {
        return new Builder(name);
    }

    /** A watchlist with every filter open unless set. */
    @SuppressWarnings({"checkstyle:LeftCurly", "checkstyle:OneStatementPerLine"}) // one-line setters read as a table
    private static final class Builder {
        private final String name;
        private Set<NoticeKind> kinds = EnumSet.allOf(NoticeKind.class);
        private Set<String> actors = Set.of();
        private Set<String> topics = Set.of();
        private Set<String> outlets = Set.of();
        private Set<String> holders = Set.of();
        private Set<String> sources = Set.of();
        private Direction direction;
        private double minSignificance;
        private long minEvidence;
        private List<String> channels = List.of("feed");

        Builder(String name) {
            this.name = name;
        }

        Builder kinds(NoticeKind... k) { kinds = Set.of(k); return this; }
        Builder actors(String... a) { actors = Set.of(a); return this; }
        Builder topics(String... t) { topics = Set.of(t); return this; }
        Builder outlets(String... o) { outlets = Set.of(o); return this; }
        Builder holders(String... h) { holders = Set.of(h); return this; }
        Builder sources(String... s) { sources = Set.of(s); return this; }
        Builder direction(Direction d) { direction = d; return this; }
        Builder minSignificance(double m) { minSignificance = m; return this; }
        Builder minEvidence(long m) { minEvidence = m; return this; }
        Builder channels(String... c) { channels = List.of(c); return this; }

        Watchlist build() {
            return new Watchlist(name, kinds, actors, topics, outlets, holders, sources, direction, minSignificance,
                    minEvidence, channels);
        }
    }
}
