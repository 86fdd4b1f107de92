package org.stancewatch.analyze.stream.support;

import org.stancewatch.analyze.stance.CoreNlpStanceScorer;
import org.stancewatch.analyze.stance.StanceScorer;

/**
 * The scorer a benchmark runs, by name: {@code fake} (the {@link KeywordStanceScorer}) or
 * {@code corenlp} (the real scorer with its shipped lexicons and model).
 */
public final class TestScorers {
    private TestScorers() {}

    public static StanceScorer named(String name) {
        return switch (name) {
            case "fake" -> new KeywordStanceScorer();
            case "corenlp" -> CoreNlpStanceScorer.fromDefaults();
            default -> throw new IllegalArgumentException("no scorer '" + name + "': use fake or corenlp");
        };
    }
}
