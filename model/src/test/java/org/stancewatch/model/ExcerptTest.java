package org.stancewatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void aShortTextIsKeptWhole() {
        assertThat(Excerpt.around("Moscow welcomed the talks.", "Moscow", 100)).isEqualTo("Moscow welcomed the talks.");
    }

    @Test
    void aLongTextIsCutToAWindowAroundItsFocusWithEachCutMarked() {
        String text = "a ".repeat(500) + "Moscow welcomed the talks" + " b".repeat(500);

        String excerpt = Excerpt.around(text, "Moscow", 100);

        assertThat(excerpt).startsWith("…").endsWith("…").contains("Moscow welcomed the talks").hasSize(102);
    }

    @Test
    void withoutItsFocusTheExcerptIsTheStart() {
        String excerpt = Excerpt.around("x".repeat(300), "Moscow", 100);

        assertThat(excerpt).isEqualTo("x".repeat(100) + "…");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";

        String excerpt = Excerpt.around(emoji.repeat(200), "", 101);

        assertThat(excerpt).isEqualTo(emoji.repeat(50) + "…");
    }

    @Test
    void aMentionOfARunOnPageCarriesAWindowOfItAroundTheActor() {
        String page = "word ".repeat(20_000) + "NATO warned Moscow" + " word".repeat(20_000);

        Mention mention = new Mention("m", "a", 1, "https://example.org/a", "example.org",
                java.time.Instant.EPOCH, DateSource.META, "russia", "Moscow", null, 0, page, -0.5, Polarity.NEGATIVE,
                0.9, "", false, null, "test/1");

        assertThat(mention.sentence()).contains("NATO warned Moscow").hasSizeLessThanOrEqualTo(Mention.MAX_SENTENCE_CHARS + 2);
    }
}
