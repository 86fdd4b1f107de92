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

    @Test
    void simhashRoundTripsThroughHex() {
        long simhash = Fingerprints.simhash(STORY);

        assertThat(Fingerprints.parseHex(Fingerprints.hex(simhash))).isEqualTo(simhash);
        assertThat(Fingerprints.hex(simhash)).hasSize(16);
    }
}
