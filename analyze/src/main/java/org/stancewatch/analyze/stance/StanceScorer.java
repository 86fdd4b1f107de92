package org.stancewatch.analyze.stance;

import java.util.List;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;

/**
 * Finds the mentions of tracked actors in an article and scores the stance the text takes
 * toward each. The Streams job calls it once per article revision; implementations are
 * thread-safe.
 */
public interface StanceScorer {

    /**
     * The article's actor mentions, each scored, with topics and holder set. Empty when the
     * article mentions no tracked actor or is in a language that is not scored.
     */
    List<Mention> score(Article article);

    /** Scorer name and version, written into each mention's {@code model} field. */
    String version();
}
