package org.stancewatch.ingest.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.function.Executable;

/** One try of a property, cut off (and failed) when it runs longer than a parser ever should. */
public final class Bounded {
    /**
     * Generous for two heavily shared cores, where a cold parse of a few megabytes has taken 7 s;
     * a parser that loops or backtracks runs far longer.
     */
    public static final Duration PER_TRY = Duration.ofSeconds(30);

    private Bounded() {}

    public static void run(Executable oneTry) {
        assertTimeoutPreemptively(PER_TRY, oneTry);
    }
}
