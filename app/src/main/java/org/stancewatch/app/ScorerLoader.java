package org.stancewatch.app;

import java.lang.reflect.InvocationTargetException;
import org.stancewatch.analyze.stance.StanceScorer;

/**
 * The stance scorer the analyze job runs: the CoreNLP scorer with its default models.
 *
 * <p>It is looked up by name so that the command builds while the scorer is developed on its
 * own branch; once both are merged this becomes a plain {@code CoreNlpStanceScorer.fromDefaults()}.
 */
final class ScorerLoader {
    static final String SCORER_CLASS = "org.stancewatch.analyze.stance.CoreNlpStanceScorer";

    private ScorerLoader() {}

    static StanceScorer load() {
        try {
            Object scorer = Class.forName(SCORER_CLASS).getMethod("fromDefaults").invoke(null);
            return (StanceScorer) scorer;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException("this build has no CoreNLP stance scorer (" + SCORER_CLASS
                    + ".fromDefaults()); build stancewatch from a version that includes it", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot load the stance scorer: " + cause.getMessage(), cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + SCORER_CLASS + ".fromDefaults()", e);
        }
    }
}
