package org.stancewatch.analyze.stream.support;

import org.stancewatch.analyze.StanceModels;
import org.stancewatch.analyze.stance.CoreNlpStanceScorer;
import org.stancewatch.analyze.stance.StanceScorer;

/**
 * The scorer a benchmark runs, by name: {@code fake} (the {@link KeywordStanceScorer}), or the
 * real scorer with its shipped lexicons and stance model {@code v2} ({@code corenlp} too, the
 * default model) or {@code v1}.
 */
public final class TestScorers {
    private TestScorers() {}

    public static StanceScorer named(String name) {
        return switch (name) {
            case "fake" -> new KeywordStanceScorer();
            case "corenlp", "v2" -> CoreNlpStanceScorer.fromFiles(null, null, () -> StanceModels.load(StanceModels.DEFAULT));
            case "v1" -> CoreNlpStanceScorer.fromFiles(null, null, () -> StanceModels.load("v1"));
            default -> throw new IllegalArgumentException("no scorer '" + name + "': use fake, v2 or v1");
        };
    }
}
