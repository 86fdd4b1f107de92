package org.stancewatch.analyze.stance.transformer;

/**
 * How the transformer model uses the machine.
 *
 * @param threads     ONNX Runtime threads per call; the Streams job runs several scoring threads
 *                    side by side, so one each is the default
 * @param batchSize   most sequences in one call. One by default: measured on NewsMTSC's held-out
 *                    sentences, one thread scored 135 sentences/s one at a time, 140 in batches of
 *                    8 and 101 in batches of 32 (padding, and caches), so batching buys nothing
 *                    here beyond the sentence layout's own (all targets of a sentence in one pass)
 * @param batchTokens most word pieces in one call (sequences times their padded length): bounds
 *                    the memory a call takes
 */
public record TransformerSettings(int threads, int batchSize, int batchTokens) {

    public static final TransformerSettings DEFAULT = new TransformerSettings(1, 1, 4096);

    public TransformerSettings {
        if (threads < 1 || batchSize < 1 || batchTokens < 512) {
            throw new IllegalArgumentException("threads and batchSize must be at least 1, batchTokens at least 512");
        }
    }

    public TransformerSettings withThreads(int count) {
        return new TransformerSettings(count, batchSize, batchTokens);
    }
}
