package org.stancewatch.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * How a long-running command ends: Ctrl-C (or any JVM shutdown) runs the command's stop steps in
 * a shutdown hook, and the command's main thread, waiting here, goes on once they are done.
 */
final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StopSignal() {}

    /**
     * Registers a shutdown hook (thread {@code <command>-shutdown}) that runs {@code stopSteps},
     * then releases whoever waits on the returned signal.
     */
    static StopSignal onShutdown(String command, Runnable stopSteps) {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopSteps.run();
            signal.stopped.countDown();
        }, command + "-shutdown"));
        return signal;
    }

    /** Waits until the stop steps have run. */
    void await() throws InterruptedException {
        stopped.await();
    }

    /** Waits at most {@code timeout}; true when the stop steps have run. */
    boolean await(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits while a stage runs (it ends on the stop steps or on its own failure), printing its
     * progress every {@code everySeconds} when it changed; 0 prints none.
     */
    void printProgressWhile(BooleanSupplier running, int everySeconds, Supplier<?> progress)
            throws InterruptedException {
        Object last = null;
        while (running.getAsBoolean()) {
            Thread.sleep(Duration.ofSeconds(everySeconds > 0 ? everySeconds : 1).toMillis());
            Object now = progress.get();
            if (everySeconds > 0 && !now.equals(last)) {
                System.out.println(now);
                last = now;
            }
        }
    }
}
