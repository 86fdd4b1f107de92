package org.stancewatch.analyze.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static List<String> words(String text) {
        return PhraseTokenizer.tokens(text);
    }

    @Test
    void capitalisedPhraseMatchesOnlyAsWritten() {
        PhraseMatcher<String> matcher = new PhraseMatcher<>();
        matcher.add(words("US"), "us");

        assertThat(matcher.find(words("The US said no."))).extracting(PhraseMatcher.Match::values).containsExactly(List.of("us"));
        assertThat(matcher.find(words("Let us talk."))).isEmpty();
    }

    @Test
    void lowercasePhraseMatchesAnyCase() {
        PhraseMatcher<String> matcher = new PhraseMatcher<>();
        matcher.add(words("missile defense"), "md");

        assertThat(matcher.find(words("Missile Defense plans"))).hasSize(1);
        assertThat(matcher.find(words("the missile defense site"))).hasSize(1);
    }

    @Test
    void starMatchesAnyEnding() {
        PhraseMatcher<String> matcher = new PhraseMatcher<>();
        matcher.add(words("sanction*"), "sanctions");

        assertThat(matcher.find(words("new sanctions were sanctioned"))).hasSize(2);
        assertThat(matcher.find(words("no penalties"))).isEmpty();
    }

    @Test
    void longestMatchWinsWhereMatchesOverlap() {
        PhraseMatcher<String> matcher = new PhraseMatcher<>();
        matcher.add(words("Washington"), "us");
        matcher.add(words("Washington Post"), "newspaper");

        List<PhraseMatcher.Match<String>> matches = matcher.find(words("The Washington Post reported that Washington agreed."));

        assertThat(matches).extracting(PhraseMatcher.Match::values).containsExactly(List.of("newspaper"), List.of("us"));
        assertThat(matches.getFirst().to() - matches.getFirst().from()).isEqualTo(2);
    }

    @Test
    void phrasesSplitLikeArticleText() {
        assertThat(PhraseTokenizer.tokens("Russia's U.S.-Russian relations")).containsExactly("Russia", "'s", "U.S.", "-",
                "Russian", "relations");
    }
}
