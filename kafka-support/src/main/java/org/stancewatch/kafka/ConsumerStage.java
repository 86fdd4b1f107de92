package org.stancewatch.kafka;

import java.time.Duration;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread of a stage that reads as a group member (the indexer's, the notifier's):
 * it subscribes, hands every poll's batch to the stage until {@link #stop()}, keeps the error
 * that stopped it, and closes the consumer on the way out. What a batch means, and when
 * offsets are committed, is the stage's.
 */
public abstract class ConsumerStage implements Runnable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Logger log = LoggerFactory.getLogger(getClass());
    protected final Consumer<byte[], byte[]> consumer;
    private final String stageName;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private volatile Thread thread;

    /** @param stageName what the log calls the stage, e.g. {@code indexer} */
    protected ConsumerStage(Consumer<byte[], byte[]> consumer, String stageName) {
        this.consumer = consumer;
        this.stageName = stageName;
    }

    /** Subscribes the consumer to the stage's topics, with its rebalance listener. */
    protected abstract void subscribe();

    /** Handles what one poll returned (possibly nothing). */
    protected abstract void handleBatch(ConsumerRecords<byte[], byte[]> records) throws InterruptedException;

    /** The last step before the consumer closes, e.g. a final commit; nothing by default. */
    protected void beforeClose() {
    }

    @Override
    public final void run() {
        try {
            subscribe();
            while (!stopping) {
                handleBatch(consumer.poll(POLL));
            }
        } catch (WakeupException stopped) {
            // stop() woke the consumer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            log.error("the {} stopped: {}", stageName, e.getMessage(), e);
        } finally {
            beforeClose();
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }

    /** Runs the loop in a thread of its own. */
    public void start(String threadName) {
        thread = new Thread(this, threadName);
        thread.start();
    }

    /** True from {@link #start} until the loop ended (stopped or failed). */
    public boolean isRunning() {
        Thread running = thread;
        return running != null && running.isAlive();
    }

    /** Blocks until the loop ends. */
    public void awaitStop() throws InterruptedException {
        thread.join();
    }

    /** Asks the loop to end: the consumer's poll (or commit) in progress is woken. */
    public void stop() {
        stopping = true;
        consumer.wakeup();
    }

    /** Stops the loop and waits at most {@code timeout} for it to end. */
    public void stopAndWait(Duration timeout) {
        stop();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the loop for an error found outside it; {@link #failure()} reports it. */
    protected void stopFor(Throwable error) {
        failure = error;
        stop();
    }

    /** The error that ended the loop, if one did, else null. */
    public Throwable failure() {
        return failure;
    }
}
