package org.stancewatch.analyze.stance.training;

import org.stancewatch.analyze.stance.TargetInSentence;
import org.stancewatch.model.Polarity;

/**
 * A target of a labelled data set, in the form the stance models read.
 *
 * @param gid        the target's {@code Input.gid}
 * @param articleKey the article its sentence comes from (for the held-out split)
 * @param target     the sentence, its parse when one was made, and the target's place in both
 * @param gold       the label, or null when unlabelled
 */
public record EvaluationTarget(String gid, String articleKey, TargetInSentence target, Polarity gold) {
}
