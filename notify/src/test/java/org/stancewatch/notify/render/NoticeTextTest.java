package org.stancewatch.notify.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stancewatch.notify.NoticeFixtures.attentionAlert;
import static org.stancewatch.notify.NoticeFixtures.sourceStatus;
import static org.stancewatch.notify.NoticeFixtures.toneAlert;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.notify.NoticeFixtures;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;

class NoticeTextTest {

    @Test
    void aToneAlertReadsAsOneSentenceWithItsBaselineRecentWindowAndSignificance() {
        Notice notice = Notice.of(toneAlert("russia", "missile-defense", "nytimes.com"));

        assertThat(NoticeText.summary(notice)).isEqualTo(
                "Tone toward russia on missile-defense in nytimes.com turned negative: -0.42 (baseline +0.05 over 30 days, "
                        + "28 mentions; recent 7 days, 14 mentions, z = 4.1)");
        assertThat(NoticeText.subject(Delivery.single(notice)))
                .isEqualTo("Tone toward russia on missile-defense in nytimes.com turned negative: -0.42");
    }

    @Test
    void theBodyListsEachEvidenceSentenceWithOutletDateScoreAndUrl() {
        String body = NoticeText.body(Delivery.single(Notice.of(toneAlert("russia", "missile-defense", "nytimes.com"))));

        assertThat(body).contains("Evidence:\n- nytimes.com, 2011-03-02, -0.71: \"Moscow condemned the missile shield as a threat.\"\n"
                + "  https://www.nytimes.com/2011/03/02/world/europe/shield.html\n");
        assertThat(body).contains("- nytimes.com, 2011-03-04, -0.55: \"Russia warned it would respond.\"");
        assertThat(body).contains("Recent window 2011-03-01 to 2011-03-08");
    }

    @Test
    void allTopicsAndAllOutletsReadNaturallyAndAHolderIsNamed() {
        Notice everywhere = Notice.of(toneAlert("russia", StanceBucket.ALL, StanceBucket.ALL));
        Notice held = Notice.of(toneAlert("russia", StanceBucket.ALL, "bbc.co.uk", "usa", NoticeFixtures.WINDOW_START));

        assertThat(NoticeText.headline(everywhere)).startsWith("Tone toward russia on all topics in all outlets turned negative")
                .doesNotContain("_all");
        assertThat(NoticeText.headline(held)).startsWith("Tone of usa toward russia on all topics in bbc.co.uk");
    }

    @Test
    void aToneThatWasAlreadyNegativeGrowsMoreNegativeRatherThanTurning() {
        var base = toneAlert("russia", "iran", "nytimes.com");
        var already = new org.stancewatch.model.Alert(base.id(), base.actor(), base.topic(), base.outlet(), base.holder(),
                base.baselineStart(), base.windowStart(), base.windowEnd(), -0.10, 28, -0.60, 14, -0.50, 3.0,
                base.direction(), base.evidence(), base.detectedAt());

        assertThat(NoticeText.headline(Notice.of(already))).contains("grew more negative: -0.60");
    }

    @Test
    void anAttentionBurstSaysHowTheShareOfMentionsRoseInPercent() {
        Notice notice = Notice.of(attentionAlert("iran"));

        assertThat(NoticeText.summary(notice)).isEqualTo(
                "Attention burst: iran on all topics in all outlets, share of mentions rose from 2.0% to 9.0% "
                        + "(baseline 30 days, 28 mentions; recent 7 days, 14 mentions, z = 5.3)");
    }

    @Test
    void aSilentSourceSaysWhatIsWrongAndARecoveredOneSaysSo() {
        Notice silent = Notice.of(sourceStatus("bbc-world", SourceHealth.SILENT, "no new article for 3 days (usually 40 a day)"));
        Notice recovered = Notice.of(sourceStatus("bbc-world", SourceHealth.OK, ""));

        assertThat(NoticeText.subject(Delivery.single(silent)))
                .isEqualTo("Source bbc-world (bbc.co.uk) is silent: no new article for 3 days (usually 40 a day)");
        assertThat(NoticeText.body(Delivery.single(silent)))
                .contains("Since 2011-03-05 06:00 UTC; last new article 2011-03-01 12:00 UTC")
                .contains("stancewatch sources");
        assertThat(NoticeText.subject(Delivery.single(recovered)))
                .isEqualTo("Source bbc-world (bbc.co.uk) has recovered and works as usual again");
    }

    @Test
    void aDigestCountsItsNoticesByKindAndListsEachBriefly() {
        Delivery digest = Delivery.digest(List.of(
                Notice.of(toneAlert("russia", "missile-defense", "nytimes.com")),
                Notice.of(toneAlert("usa", "iran", StanceBucket.ALL)),
                Notice.of(attentionAlert("iran")),
                Notice.of(sourceStatus("bbc-world", SourceHealth.FAILING, "12 of 20 fetches failed"))));

        assertThat(NoticeText.subject(digest))
                .isEqualTo("4 stancewatch notices: 2 tone alerts, 1 attention burst, 1 source change");
        String body = NoticeText.body(digest);
        assertThat(body).contains("\n1. Tone toward russia on missile-defense in nytimes.com turned negative: -0.42")
                .contains("\n2. Tone toward usa on iran in all outlets")
                .contains("\n3. Attention burst: iran")
                .contains("\n4. Source bbc-world (bbc.co.uk) is failing: 12 of 20 fetches failed")
                .contains("   e.g. nytimes.com, 2011-03-02, -0.71: https://www.nytimes.com/2011/03/02/world/europe/shield.html");
    }

    @Test
    void aLongEvidenceSentenceIsFlattenedAndCut() {
        Evidence rambling = new Evidence("m", "word\n\n  word ".repeat(100), "x.org", "https://x.org/a",
                Instant.parse("2011-03-02T00:00:00Z"), -0.5);

        String sentence = NoticeText.sentence(rambling);

        assertThat(sentence).hasSizeLessThanOrEqualTo(NoticeText.MAX_SENTENCE_CHARS).endsWith("…").doesNotContain("\n", "  ");
    }
}
