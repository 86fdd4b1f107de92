package org.stancewatch.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-host politeness, shared by every source of a crawler: one request at a time to a host,
 * the next one no sooner than the host's delay after the previous one ended, and none before a
 * back-off (429/503 with Retry-After) has passed. Waiters queue fairly.
 *
 * <p>Back-offs arrive from any thread at any time (another source's request to the same host
 * gets a 429). They only ever lengthen: two at once keep the later instant, and a request
 * already waiting looks again when it wakes, so a back-off set meanwhile holds it back too.
 */
public final class Politeness {
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock(true);
        /** Written and read under {@link #lock}. */
        Instant lastEnd = Instant.EPOCH;
        final AtomicReference<Instant> backOffUntil = new AtomicReference<>(Instant.EPOCH);
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
            while (true) { // a back-off set while we sleep moves the turn later: look again
                Instant earliest = later(host.lastEnd.plus(delay), host.backOffUntil.get());
                Duration wait = Duration.between(Instant.now(), earliest);
                if (wait.isNegative() || wait.isZero()) {
                    return new Permit(host);
                }
                Thread.sleep(wait);
            }
        } catch (InterruptedException | RuntimeException e) {
            host.lock.unlock();
            throw e;
        }
    }

    /** No request to the host before {@code until}. */
    public void backOff(String hostName, Instant until) {
        Host host = hosts.computeIfAbsent(key(hostName), k -> new Host());
        host.backOffUntil.accumulateAndGet(until, Politeness::later);
    }

    /** When the host's back-off ends, if it is backed off now. */
    public Optional<Instant> backedOffUntil(String hostName) {
        Host host = hosts.get(key(hostName));
        Instant until = host == null ? Instant.EPOCH : host.backOffUntil.get();
        return until.isAfter(Instant.now()) ? Optional.of(until) : Optional.empty();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }
}
