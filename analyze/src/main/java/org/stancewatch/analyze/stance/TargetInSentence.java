package org.stancewatch.analyze.stance;

import org.stancewatch.analyze.nlp.ParsedSentence;

/**
 * A target whose stance is asked for, in the two forms the models read.
 *
 * @param parsed    the sentence as CoreNLP annotated it (parsed when the model
 *                  {@linkplain TargetStanceModel#readsParses() reads parses}; a window of it for a
 *                  sentence longer than the parse cap)
 * @param tokenFrom the target's first token in {@code parsed}
 * @param tokenTo   the token after its last
 * @param sentence  the whole sentence's text
 * @param span      the target's characters in {@code sentence}
 */
public record TargetInSentence(ParsedSentence parsed, int tokenFrom, int tokenTo, String sentence, CharSpan span) {
}
