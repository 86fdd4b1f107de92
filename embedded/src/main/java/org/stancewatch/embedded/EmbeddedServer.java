package org.stancewatch.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server of the embedded services, running in a child JVM under a home folder of its own:
 * how it was started, where its data and log are, and how it stops.
 *
 * <p>Each kind lays out its home and knows when it is ready; this class holds the rest, so
 * that a broker and a node start, report and stop alike.
 */
public abstract sealed class EmbeddedServer implements AutoCloseable permits EmbeddedKafka, EmbeddedElasticsearch {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    /** A server that never became ready holds nothing worth a clean shutdown. */
    private static final Duration FAILED_START_GRACE = Duration.ofSeconds(5);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

    private final Path home;
    private final ChildJvm jvm;
    private final Duration startupTime;

    EmbeddedServer(Path home, Launched launched) {
        this.home = home;
        this.jvm = launched.jvm();
        this.startupTime = launched.startupTime();
    }

    /** A child that answered, and how long it took from the start of {@code start} on. */
    record Launched(ChildJvm jvm, Duration startupTime) {}

    /**
     * Starts the child and waits until {@code awaitReady} returns, stopping the child if it throws.
     *
     * @param startedNanos when the caller's start began ({@link System#nanoTime()}), so that the
     *                     startup time counts the preparation of the home too
     * @param address      where clients reach the server, for the log
     */
    static Launched launch(ChildJvm.Spec spec, Consumer<ChildJvm> awaitReady, long startedNanos, String address) {
        ChildJvm jvm = ChildJvm.start(spec);
        try {
            awaitReady.accept(jvm);
        } catch (RuntimeException e) {
            jvm.stop(FAILED_START_GRACE);
            throw e;
        }
        Duration startupTime = Duration.ofNanos(System.nanoTime() - startedNanos);
        log.info("{} ready at {} in {} ms (pid {}, log {})", spec.name(), address, startupTime.toMillis(), jvm.pid(),
                spec.logFile());
        return new Launched(jvm, startupTime);
    }

    /** The server's console output (appended across starts). */
    public Path logFile() {
        return jvm.logFile();
    }

    /** The server's data, kept across restarts. */
    public Path dataDir() {
        return home.resolve("data");
    }

    /** From the start call until the server answered. */
    public Duration startupTime() {
        return startupTime;
    }

    public long pid() {
        return jvm.pid();
    }

    public boolean isRunning() {
        return jvm.isAlive();
    }

    /** Shuts the server down cleanly (it flushes and closes its files), killing it after 30 s. */
    @Override
    public void close() {
        jvm.stop(CLOSE_GRACE);
    }
}
