package org.stancewatch.analyze.lexicon;

import java.util.List;

/** The topics of {@code topics.yml}, in file order. */
public record TopicLexicon(List<TopicDefinition> topics) {

    public TopicLexicon {
        topics = List.copyOf(topics);
    }
}
