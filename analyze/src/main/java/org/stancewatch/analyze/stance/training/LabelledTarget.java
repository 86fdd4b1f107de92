package org.stancewatch.analyze.stance.training;

import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.model.Polarity;

/**
 * A target of a parsed data-set sentence: the unit the stance model is trained and measured on.
 *
 * @param gid        the target's {@code Input.gid}
 * @param articleKey the article the sentence comes from (for the held-out split)
 * @param sentence   the parsed sentence
 * @param tokenFrom  first token of the target
 * @param tokenTo    token just after the target
 * @param gold       the label, or null when unlabelled
 */
public record LabelledTarget(String gid, String articleKey, ParsedSentence sentence, int tokenFrom, int tokenTo,
                             Polarity gold) {

    /** The targets of {@code parsed}, the parse of {@code sentence}; a span that covers no token is skipped. */
    public static java.util.List<LabelledTarget> of(NewsMtscSentence sentence, ParsedSentence parsed) {
        java.util.List<LabelledTarget> targets = new java.util.ArrayList<>();
        for (NewsMtscTarget target : sentence.targets()) {
            int from = -1;
            int to = -1;
            for (int i = 0; i < parsed.size(); i++) {
                var token = parsed.tokens().get(i);
                if (token.begin() < target.to() && token.end() > target.from()) {
                    if (from < 0) {
                        from = i;
                    }
                    to = i + 1;
                }
            }
            if (from >= 0) {
                targets.add(new LabelledTarget(target.gid(), sentence.articleKey(), parsed, from, to, target.polarity()));
            }
        }
        return targets;
    }
}
