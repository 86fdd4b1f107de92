package org.stancewatch.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-host politeness, shared by every source of a crawler: one request at a time to a host,
 * the next one no sooner than the host's delay after the previous one ended, and none before a
 * back-off (429/503 with Retry-After) has passed. Waiters queue fairly.
 */
public final class Politeness {
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock(true);
        Instant lastEnd = Instant.EPOCH;
        Instant backOffUntil = Instant.EPOCH;
    }

    /** Holds a host until {@link #close()}; the next request waits for the delay from then. */
    public final class Permit implements AutoCloseable {
        private final Host host;

        private Permit(Host host) {
            this.host = host;
        }

        @Override
        public void close() {
            host.lastEnd = Instant.now();
            host.lock.unlock();
        }
    }

    /** Waits for the host's turn: its previous request done, {@code delay} passed since, and any back-off over. */
    public Permit acquire(String hostName, Duration delay) throws InterruptedException {
        Host host = hosts.computeIfAbsent(key(hostName), k -> new Host());
        host.lock.lockInterruptibly();
        try {
            Instant earliest = host.lastEnd.plus(delay);
            if (host.backOffUntil.isAfter(earliest)) {
                earliest = host.backOffUntil;
            }
            long waitMillis = Duration.between(Instant.now(), earliest).toMillis();
            if (waitMillis > 0) {
                Thread.sleep(waitMillis);
            }
            return new Permit(host);
        } catch (InterruptedException | RuntimeException e) {
            host.lock.unlock();
            throw e;
        }
    }

    /** No request to the host before {@code until}. */
    public void backOff(String hostName, Instant until) {
        Host host = hosts.computeIfAbsent(key(hostName), k -> new Host());
        synchronized (host) {
            if (until.isAfter(host.backOffUntil)) {
                host.backOffUntil = until;
            }
        }
    }

    /** When the host's back-off ends, if it is backed off now. */
    public Optional<Instant> backedOffUntil(String hostName) {
        Host host = hosts.get(key(hostName));
        if (host == null || !host.backOffUntil.isAfter(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(host.backOffUntil);
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }
}
