package org.stancewatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Back-offs set from other threads while requests wait or other back-offs land: none is lost or shortened. */
class PolitenessTest {
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aBackOffSetWhileARequestWaitsForItsDelayHoldsThatRequestBack() throws Exception {
        Politeness politeness = new Politeness();
        for (int round = 0; round < 3; round++) {
            String host = "host-" + round + ".test";
            politeness.acquire(host, Duration.ZERO).close(); // the previous request just ended
            Future<Instant> granted = threads.submit(() -> {
                try (Politeness.Permit permit = politeness.acquire(host, Duration.ofMillis(300))) {
                    return Instant.now();
                }
            });
            Thread.sleep(100); // the request is waiting out its 300 ms delay
            Instant until = Instant.now().plusMillis(600);
            politeness.backOff(host, until);

            assertThat(granted.get(5, TimeUnit.SECONDS)).as("round " + round).isAfterOrEqualTo(until);
        }
    }

    @Test
    void concurrentBackOffsKeepTheLatestInstant() throws Exception {
        Politeness politeness = new Politeness();
        for (int round = 0; round < 20; round++) {
            String host = "busy-" + round + ".test";
            Instant base = Instant.now().plusSeconds(60);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Instant>> latest = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                latest.add(threads.submit(() -> {
                    start.await();
                    Instant mine = Instant.EPOCH;
                    for (int i = 0; i < 200; i++) {
                        Instant until = base.plusMillis(ThreadLocalRandom.current().nextInt(100_000));
                        politeness.backOff(host, until);
                        politeness.backedOffUntil(host); // readers race the writers too
                        mine = until.isAfter(mine) ? until : mine;
                    }
                    return mine;
                }));
            }
            start.countDown();
            Instant expected = Instant.EPOCH;
            for (Future<Instant> f : latest) {
                Instant mine = f.get(10, TimeUnit.SECONDS);
                expected = mine.isAfter(expected) ? mine : expected;
            }

            assertThat(politeness.backedOffUntil(host)).as("round " + round).contains(expected);
        }
    }
}
