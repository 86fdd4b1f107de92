package org.stancewatch.kafka;

import java.time.Duration;
import java.util.Optional;

/**
 * A started stage that consumes as a group member (the indexer, the notifier), as its owner sees
 * it: whether it runs, the error that stopped it, a wait for its end, and a close that stops the
 * consumer before the stage releases the rest. Only the first {@link #close()} does anything.
 */
public abstract class RunningStage implements AutoCloseable {
    /** Beyond the shutdown timeout, which the loop may spend on what is in flight: its consumer's close. */
    private static final Duration CONSUMER_CLOSE_ALLOWANCE = Duration.ofSeconds(15);

    private final Duration shutdownTimeout;
    private volatile boolean closed;

    /** @param shutdownTimeout how long the stage may take, on close, for what is in flight */
    protected RunningStage(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    /** The stage's consumer thread. */
    protected abstract ConsumerStage consumer();

    /** Releases what the stage holds besides its consumer, which has stopped by now. */
    protected abstract void release();

    /** True until {@link #close()} or a fatal error stopped the consumer. */
    public boolean isRunning() {
        return consumer().isRunning();
    }

    /** The error that stopped the stage, if one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(consumer().failure());
    }

    /** Blocks until the stage stops (after {@link #close()} or a fatal error). */
    public void awaitStop() throws InterruptedException {
        consumer().awaitStop();
    }

    /** Stops consuming, waits for the consumer thread to end, then {@link #release}s the rest. */
    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        consumer().stopAndWait(shutdownTimeout.plus(CONSUMER_CLOSE_ALLOWANCE));
        release();
    }
}
