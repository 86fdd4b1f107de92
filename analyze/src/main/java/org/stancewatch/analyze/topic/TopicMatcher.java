package org.stancewatch.analyze.topic;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stancewatch.analyze.lexicon.PhraseMatcher;
import org.stancewatch.analyze.lexicon.PhraseTokenizer;
import org.stancewatch.analyze.lexicon.TopicDefinition;
import org.stancewatch.analyze.lexicon.TopicLexicon;

/**
 * Finds the topics of {@code topics.yml} in a sentence: by its patterns (honouring a topic's
 * {@code requiresActors}, checked against the actors of the whole article) and by the actors it
 * mentions ({@code impliedByActors}). Thread-safe.
 */
public final class TopicMatcher {

    private final PhraseMatcher<TopicDefinition> patterns = new PhraseMatcher<>();
    private final TopicLexicon lexicon;

    public TopicMatcher(TopicLexicon lexicon) {
        this.lexicon = lexicon;
        for (TopicDefinition topic : lexicon.topics()) {
            for (String pattern : topic.patterns()) {
                patterns.add(PhraseTokenizer.tokens(pattern), topic);
            }
        }
    }

    /**
     * The topic ids of a sentence, in file order.
     *
     * @param words          the sentence's words
     * @param sentenceActors actors mentioned in this sentence
     * @param articleActors  actors mentioned anywhere in the article
     */
    public Set<String> topics(List<String> words, Collection<String> sentenceActors, Collection<String> articleActors) {
        Set<TopicDefinition> found = new java.util.HashSet<>();
        for (PhraseMatcher.Match<TopicDefinition> match : patterns.find(words)) {
            for (TopicDefinition topic : match.values()) {
                if (topic.requiresActors().isEmpty() || topic.requiresActors().stream().anyMatch(articleActors::contains)) {
                    found.add(topic);
                }
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (TopicDefinition topic : lexicon.topics()) {
            if (found.contains(topic) || topic.impliedByActors().stream().anyMatch(sentenceActors::contains)) {
                ids.add(topic.id());
            }
        }
        return ids;
    }
}
