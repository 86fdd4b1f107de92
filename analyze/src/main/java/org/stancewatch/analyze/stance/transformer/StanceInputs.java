package org.stancewatch.analyze.stance.transformer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.stancewatch.analyze.stance.CharSpan;
import org.stancewatch.analyze.stance.transformer.EncodedSequence.TargetPieces;

/**
 * The model's input contract: how a sentence and the character spans of its targets become
 * sequences of word pieces (see {@link InputMode} for the two layouts). The training data is
 * encoded by this class too ({@code stancewatch stance encode}), so a model is served exactly as
 * it was trained.
 *
 * <p>A sentence longer than the window ({@code maxTokens} pieces with the special ones) is cut
 * around its targets: the window is centred on the target, and in {@link InputMode#SENTENCE}
 * layout the targets that do not fit one window get windows of their own. A target is never
 * dropped; one longer than the window keeps its first pieces.
 */
public final class StanceInputs implements AutoCloseable {

    /** The most pieces of a target repeated as the second segment of a pair. */
    static final int MAX_TARGET_PIECES = 16;

    private final WordPieceTokenizer tokenizer;
    private final InputMode mode;
    private final int maxTokens;

    /** The layout {@code mode} with the tokenizer in {@code tokenizerJson}; close it after use. */
    public static StanceInputs open(Path tokenizerJson, InputMode mode, int maxTokens) {
        try {
            return new StanceInputs(WordPieceTokenizer.read(Files.newInputStream(tokenizerJson), tokenizerJson.toString()),
                    mode, maxTokens);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read the tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    StanceInputs(WordPieceTokenizer tokenizer, InputMode mode, int maxTokens) {
        if (maxTokens < 8 + MAX_TARGET_PIECES) {
            throw new IllegalArgumentException("maxTokens must be at least " + (8 + MAX_TARGET_PIECES));
        }
        this.tokenizer = tokenizer;
        this.mode = mode;
        this.maxTokens = maxTokens;
    }

    public InputMode mode() {
        return mode;
    }

    public int maxTokens() {
        return maxTokens;
    }

    /**
     * The sequences that ask the model about each target of {@code sentence}; every target is in
     * exactly one of them.
     *
     * @throws IllegalArgumentException when a span covers no word piece of the sentence (it lies
     *                                  outside it, or on white space only)
     */
    public List<EncodedSequence> encode(String sentence, List<CharSpan> targets) {
        WordPieces pieces = tokenizer.split(sentence);
        int[][] spans = new int[targets.size()][];
        for (int t = 0; t < targets.size(); t++) {
            CharSpan span = targets.get(t);
            int from = pieces.firstOverlapping(span.from(), span.to());
            if (from < 0) {
                throw new IllegalArgumentException("target span " + span.from() + ".." + span.to()
                        + " covers no word of the sentence (" + sentence.length() + " characters)");
            }
            spans[t] = new int[] {from, pieces.endOfOverlapping(span.from(), span.to())};
        }
        return mode == InputMode.PAIR ? pairs(pieces, spans) : sentences(pieces, spans);
    }

    private List<EncodedSequence> pairs(WordPieces pieces, int[][] spans) {
        List<EncodedSequence> sequences = new ArrayList<>(spans.length);
        for (int t = 0; t < spans.length; t++) {
            int targetPieces = Math.min(spans[t][1] - spans[t][0], MAX_TARGET_PIECES);
            int budget = maxTokens - 3 - targetPieces;
            int start = windowStart(pieces.size(), budget, spans[t]);
            int end = Math.min(pieces.size(), start + budget);
            int length = 3 + (end - start) + targetPieces;
            long[] ids = new long[length];
            long[] types = new long[length];
            int at = 0;
            ids[at++] = tokenizer.classifyId();
            for (int i = start; i < end; i++) {
                ids[at++] = pieces.ids()[i];
            }
            ids[at++] = tokenizer.separatorId();
            Arrays.fill(types, at, length, 1L);
            for (int i = 0; i < targetPieces; i++) {
                ids[at++] = pieces.ids()[spans[t][0] + i];
            }
            ids[at] = tokenizer.separatorId();
            sequences.add(new EncodedSequence(ids, types, List.of(inWindow(t, spans[t], start, end))));
        }
        return sequences;
    }

    private List<EncodedSequence> sentences(WordPieces pieces, int[][] spans) {
        Integer[] order = new Integer[spans.length];
        for (int t = 0; t < order.length; t++) {
            order[t] = t;
        }
        Arrays.sort(order, Comparator.comparingInt(t -> spans[t][0]));
        int budget = maxTokens - 2;
        List<EncodedSequence> sequences = new ArrayList<>();
        int next = 0;
        while (next < order.length) {
            int start = windowStart(pieces.size(), budget, spans[order[next]]);
            int end = Math.min(pieces.size(), start + budget);
            List<TargetPieces> inThisWindow = new ArrayList<>();
            inThisWindow.add(inWindow(order[next], spans[order[next]], start, end));
            next++;
            while (next < order.length && spans[order[next]][0] >= start && spans[order[next]][1] <= end) {
                inThisWindow.add(inWindow(order[next], spans[order[next]], start, end));
                next++;
            }
            long[] ids = new long[end - start + 2];
            ids[0] = tokenizer.classifyId();
            System.arraycopy(pieces.ids(), start, ids, 1, end - start);
            ids[ids.length - 1] = tokenizer.separatorId();
            sequences.add(new EncodedSequence(ids, new long[ids.length], inThisWindow));
        }
        return sequences;
    }

    /** Closes the tokenizer. */
    @Override
    public void close() {
        tokenizer.close();
    }

    /** Where a window of {@code budget} pieces starts so that it is centred on {@code span}. */
    private static int windowStart(int size, int budget, int[] span) {
        if (size <= budget) {
            return 0;
        }
        int spanLength = span[1] - span[0];
        if (spanLength >= budget) {
            return span[0];
        }
        int start = span[0] - (budget - spanLength) / 2;
        return Math.max(0, Math.min(start, size - budget));
    }

    /** The target's pieces in a sequence whose sentence window is [start, end), after [CLS]. */
    private static TargetPieces inWindow(int target, int[] span, int start, int end) {
        return new TargetPieces(target, span[0] - start + 1, Math.min(span[1], end) - start + 1);
    }
}
