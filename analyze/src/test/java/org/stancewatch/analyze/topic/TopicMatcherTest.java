package org.stancewatch.analyze.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.lexicon.LexiconFiles;
import org.stancewatch.analyze.lexicon.PhraseTokenizer;

class TopicMatcherTest {

    private static TopicMatcher matcher;

    @BeforeAll
    static void load() {
        matcher = new TopicMatcher(LexiconFiles.load(null, null).topics());
    }

    private static Set<String> topics(String sentence, Set<String> sentenceActors, Set<String> articleActors) {
        return matcher.topics(PhraseTokenizer.tokens(sentence), sentenceActors, articleActors);
    }

    @Test
    void aTopicNeedsNoActorInItsSentence() {
        assertThat(topics("The missile shield in Europe remains controversial.", Set.of(), Set.of()))
                .containsExactly("missile-defense");
    }

    @Test
    void ambiguousPatternsNeedTheirActorsInTheArticle() {
        assertThat(topics("Press reset to restart the router.", Set.of(), Set.of())).isEmpty();
        assertThat(topics("The reset has stalled.", Set.of(), Set.of("russia"))).containsExactly("reset");
    }

    @Test
    void actorsCanImplyATopic() {
        assertThat(topics("Gadhafi spoke on television.", Set.of("gadhafi"), Set.of("gadhafi"))).containsExactly("libya");
    }

    @Test
    void capitalisedPatternsMatchOnlyAsWritten() {
        assertThat(topics("The Senate ratified New START.", Set.of(), Set.of())).contains("arms-control");
        assertThat(topics("It was a new start for the team.", Set.of(), Set.of())).isEmpty();
    }
}
