package org.stancewatch.analyze.stance;

import java.util.List;

/**
 * Scores the stance a sentence takes toward targets named in it. Two models implement it:
 * v1, {@link LinearStanceModel}, a log-linear model over CoreNLP's parse and sentiment; and v2,
 * {@link org.stancewatch.analyze.stance.transformer.TransformerStanceModel}, a fine-tuned
 * transformer that reads the text itself. Implementations are thread-safe.
 */
public interface TargetStanceModel extends AutoCloseable {

    /** Name and fingerprint, written into each mention's {@code model} field. */
    String version();

    /**
     * True when the model reads CoreNLP's constituency parse, dependencies and RNTN sentiment of
     * every sentence it scores (v1); false when it reads the text alone (v2), so that only the
     * sentences where a holder question arises need parsing.
     */
    boolean readsParses();

    /** The stance toward each target, in the order given; one call per article lets a model batch. */
    List<StancePrediction> predict(List<TargetInSentence> targets);

    /** Frees native resources, if the model holds any. */
    @Override
    default void close() {
    }
}
