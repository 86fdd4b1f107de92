package org.stancewatch.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;

/**
 * A small fuzz harness for plain JUnit tests: checks a property on {@value #DEFAULT_TRIES}
 * generated inputs, each try under a time limit, and stops at the first failure with a report
 * that replays it.
 *
 * <p>Deterministic: try 1 draws from a {@link Random} seeded with the base seed (fixed, so every
 * CI run tries the same inputs), and each further try's seed is mixed from the one before. A
 * failure names its try's seed; {@code -Dstancewatch.fuzz.seed=<that seed>
 * -Dstancewatch.fuzz.tries=1} runs that try alone, and more tries or another seed explore
 * further. The failing input is also saved under {@code target/fuzz-failures/}.
 */
public final class Fuzz {
    public static final String SEED_PROPERTY = "stancewatch.fuzz.seed";
    public static final String TRIES_PROPERTY = "stancewatch.fuzz.tries";
    public static final long DEFAULT_SEED = 20_110_317L;
    public static final int DEFAULT_TRIES = 200;
    /**
     * Generous for two heavily shared cores, where a cold parse of a few megabytes has taken 17 s;
     * a parser that loops or backtracks runs far longer.
     */
    public static final Duration PER_TRY = Duration.ofSeconds(30);

    private Fuzz() {}

    /** The property: returns when it holds for this input and context, throws when it does not. */
    @FunctionalInterface
    public interface Property<C> {
        void check(byte[] input, C context) throws Throwable;
    }

    /**
     * Checks {@code property} on inputs (the hostile bytes, saved when a try fails) and contexts
     * (what else the code under test is given: a Content-Type, a path, a codec), both drawn from
     * the try's {@link Random}.
     */
    public static <C> void check(Generator<byte[]> inputs, Generator<C> contexts, Property<C> property) {
        int tries = Math.toIntExact(parse(TRIES_PROPERTY, DEFAULT_TRIES));
        run(callerName(), parse(SEED_PROPERTY, DEFAULT_SEED), tries, PER_TRY, inputs, contexts, property);
    }

    static <C> void run(String name, long baseSeed, int tries, Duration perTry, Generator<byte[]> inputs,
            Generator<C> contexts, Property<C> property) {
        if (tries < 1) {
            throw new IllegalArgumentException(TRIES_PROPERTY + " must be at least 1, not " + tries);
        }
        long started = System.nanoTime();
        int largest = 0;
        long seed = baseSeed;
        for (int tryNumber = 1; tryNumber <= tries; tryNumber++, seed = nextSeed(seed)) {
            Random random = new Random(seed);
            byte[] input = inputs.next(random);
            C context = contexts.next(random);
            largest = Math.max(largest, input.length);
            try {
                assertTimeoutPreemptively(perTry, () -> property.check(input, context));
            } catch (Throwable failure) {
                throw new FailedTry(name, tryNumber, tries, seed, input, context).report(failure);
            }
        }
        // one line per property, so the test report shows that every try ran
        System.out.printf("fuzz %s: %d tries passed in %.1f s (base seed %d, largest input %,d bytes)%n", name, tries,
                (System.nanoTime() - started) / 1e9, baseSeed, largest);
    }

    /**
     * SplitMix64's finalizer: seeds that differ in one bit give unrelated Randoms, which
     * consecutive seeds in {@link Random} would not (their first draws are correlated).
     */
    static long nextSeed(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Fails on a value that is not a number, rather than fuzzing quietly with the default. */
    private static long parse(String property, long fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : Long.decode(value.strip());
    }

    /** {@code Class.method} of the test that called, for the report and the saved input's name. */
    private static String callerName() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f -> f.getDeclaringClass() != Fuzz.class).findFirst())
                .map(f -> f.getDeclaringClass().getSimpleName() + "." + f.getMethodName())
                .orElse("fuzz");
    }
}
