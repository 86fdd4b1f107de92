package org.stancewatch.analyze.stance.transformer;

import java.util.List;
import org.stancewatch.analyze.stance.CharSpan;

/** A sentence and the targets in it whose stance is asked for. */
public record SentenceTargets(String text, List<CharSpan> targets) {

    public SentenceTargets {
        targets = List.copyOf(targets);
    }
}
