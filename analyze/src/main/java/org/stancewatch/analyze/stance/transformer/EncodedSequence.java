package org.stancewatch.analyze.stance.transformer;

import java.util.List;

/**
 * One input sequence of the model.
 *
 * @param ids     word-piece ids, {@code [CLS]} first
 * @param typeIds segment ids: 0 for the sentence, 1 for the target of a {@link InputMode#PAIR} input
 * @param targets the targets this sequence answers for, each with its pieces in {@code ids}
 */
public record EncodedSequence(long[] ids, long[] typeIds, List<TargetPieces> targets) {

    public EncodedSequence {
        if (ids.length != typeIds.length) {
            throw new IllegalArgumentException("ids and type ids differ in length");
        }
        targets = List.copyOf(targets);
    }

    public int length() {
        return ids.length;
    }

    /**
     * A target's pieces in a sequence.
     *
     * @param target the target's position in the list given to {@link StanceInputs#encode}
     * @param from   its first piece in {@code ids}
     * @param to     the piece after its last
     */
    public record TargetPieces(int target, int from, int to) {
    }
}
