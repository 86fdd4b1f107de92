package org.stancewatch.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {
    private static final String STORY = """
            The Senate ratified the New START arms control treaty with Russia on Tuesday, handing the administration the
            central achievement of its effort to reset relations with Moscow after a debate that stretched over several weeks.
            The treaty limits each side to 1,550 deployed strategic warheads and restores the inspections that lapsed when
            the previous agreement expired. Supporters argued that without it the United States would have no way of
            verifying the size of the Russian arsenal. Opponents had pressed for guarantees on missile defense.
            """;

    @Test
    void theContentHashIgnoresMarkupAndSpacingButNotWords() {
        assertThat(Fingerprints.contentHash("The  Senate\nratified, the treaty."))
                .isEqualTo(Fingerprints.contentHash("the senate ratified the treaty"));
        assertThat(Fingerprints.contentHash("the senate ratified the treaty"))
                .isNotEqualTo(Fingerprints.contentHash("the senate rejected the treaty"));
    }

    @Test
    void aWireCopyWithAnotherBylineIsNearTheOriginal() {
        long original = Fingerprints.simhash(STORY);
        long copy = Fingerprints.simhash("By Wire Service staff. " + STORY);

        assertThat(Fingerprints.distance(original, copy)).isLessThanOrEqualTo(NearDuplicateIndex.MAX_DISTANCE);
    }

    @Test
    void aDifferentStoryIsFarAway() {
        long other = Fingerprints.simhash("""
                President Dmitry Medvedev will travel to Washington next month for talks expected to cover Russia's bid to
                join the World Trade Organization, cooperation on Afghanistan and the stalled discussion of a joint missile
                defense system, officials on both sides said on Monday. The visit will be the first by a Russian president.
                """);

        assertThat(Fingerprints.distance(Fingerprints.simhash(STORY), other)).isGreaterThan(NearDuplicateIndex.MAX_DISTANCE * 3);
    }

    @Test
    void theIndexFindsTheEarliestNearDuplicate() {
        NearDuplicateIndex index = new NearDuplicateIndex();
        long original = Fingerprints.simhash(STORY);
        index.add(original, "first");
        index.add(original ^ 0b101, "second");

        assertThat(index.nearest(original ^ 0b1, "new")).contains("first");
        assertThat(index.nearest(~original, "new")).isEmpty();
        assertThat(index.nearest(original, "first")).contains("second");
    }

    /** A wire report in paragraphs, as the extractor writes article text. */
    private static final String WIRE_REPORT = """
            The United Nations Security Council on Friday extended the mandate of its mission in Afghanistan for another \
            year, with the United States and Russia voting together after weeks of talks over the wording.

            Diplomats said the resolution keeps the mission's focus on elections, human rights and the coordination of \
            civilian aid, while asking the secretary-general for a review of its size before the next renewal.

            Russia had pressed for language on the flow of heroin from Afghan provinces into Central Asia, and the final \
            text asks the mission to report on counternarcotics cooperation with neighbouring states every six months.

            The American ambassador said the vote showed that the council could still act together on Afghanistan even \
            when its members disagreed on other crises, and thanked Moscow for its help with transit routes for supplies.

            Officials in Kabul welcomed the decision but asked for more of the aid to be spent through Afghan ministries \
            rather than foreign contractors, a request several donors have promised to consider before the spring.

            The council will hear the next report on the mission in three months.
            """;

    @Test
    void aWireCopyWithItsOwnLedeAndACreditLineKeepsItsCore() {
        String[] paragraphs = WIRE_REPORT.strip().split("\n\\s*\n");
        paragraphs[0] = "Voting together after weeks of talks, the United States and Russia on Friday joined the rest of "
                + "the Security Council in renewing the UN mission in Afghanistan for one more year.";
        String copy = String.join("\n\n", paragraphs) + "\n\nThis report was distributed by a wire service.";

        assertThat(Fingerprints.coreSimhash(copy)).isPresent();
        assertThat(Fingerprints.distance(Fingerprints.coreSimhash(WIRE_REPORT).getAsLong(),
                Fingerprints.coreSimhash(copy).getAsLong())).isLessThanOrEqualTo(NearDuplicateIndex.MAX_DISTANCE);
    }

    @Test
    void aTextTooShortForACoreHasNone() {
        assertThat(Fingerprints.coreSimhash(STORY)).isEmpty(); // one paragraph
        assertThat(Fingerprints.coreSimhash("Lede.\n\nA short middle.\n\nEnd.")).isEmpty();
    }

    @Test
    void simhashRoundTripsThroughHex() {
        long simhash = Fingerprints.simhash(STORY);

        assertThat(Fingerprints.parseHex(Fingerprints.hex(simhash))).isEqualTo(simhash);
        assertThat(Fingerprints.hex(simhash)).hasSize(16);
    }
}
