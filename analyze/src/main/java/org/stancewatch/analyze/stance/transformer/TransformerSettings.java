package org.stancewatch.analyze.stance.transformer;

/**
 * How the transformer model uses the machine.
 *
 * @param threads     ONNX Runtime threads per call; the Streams job runs several scoring threads
 *                    side by side, so one each is the default
 * @param batchSize   most sequences in one call
 * @param batchTokens most word pieces in one call (sequences times their padded length): bounds
 *                    the memory a call takes
 */
public record TransformerSettings(int threads, int batchSize, int batchTokens) {

    public static final TransformerSettings DEFAULT = new TransformerSettings(1, 32, 4096);

    public TransformerSettings {
        if (threads < 1 || batchSize < 1 || batchTokens < 512) {
            throw new IllegalArgumentException("threads and batchSize must be at least 1, batchTokens at least 512");
        }
    }

    public TransformerSettings withThreads(int count) {
        return new TransformerSettings(count, batchSize, batchTokens);
    }
}
