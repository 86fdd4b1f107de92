package org.stancewatch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The harness itself: it runs every try, the same ones for the same seed, and a failure replays from its report. */
class FuzzTest {
    private static final Duration PER_TRY = Duration.ofSeconds(30);
    private static final Generator<byte[]> INPUTS = Generator.bytes(300);
    private static final Generator<Integer> CONTEXTS = Generator.between(0, 9);

    @Test
    void theSameSeedTriesTheSameInputsAndEveryTryRuns() {
        List<String> first = tried(42, 50);

        assertThat(first).hasSize(50).isEqualTo(tried(42, 50));
        assertThat(tried(43, 50)).isNotEqualTo(first);
    }

    @Test
    void aFailureNamesItsTryAndSeedSavesTheInputAndReplaysFromThatSeed() throws Exception {
        Fuzz.Property<Integer> shortInputs = (input, context) -> assertThat(input.length).isLessThan(250);

        AssertionError failure = assertThrows(AssertionError.class, () -> Fuzz.run("FuzzTest.shortInputs", 7, 200, PER_TRY, INPUTS,
                CONTEXTS, shortInputs));

        Matcher report = Pattern.compile("failed on try (\\d+) of 200 \\(seed (-?\\d+), input (\\d+) bytes, context \\d\\)")
                .matcher(failure.getMessage());
        assertThat(report.find()).as(failure.getMessage()).isTrue();
        long seed = Long.parseLong(report.group(2));
        assertThat(failure.getMessage()).contains("-Dstancewatch.fuzz.seed=" + seed, "-Dtest=FuzzTest#shortInputs");
        Path saved = FailedTry.FAILURES.resolve("FuzzTest.shortInputs-" + seed + ".bin");
        byte[] input = Files.readAllBytes(saved);
        assertThat(input).hasSize(Integer.parseInt(report.group(3)));
        assertThat(failure).hasCauseInstanceOf(AssertionError.class);

        AssertionError replayed = assertThrows(AssertionError.class, () -> Fuzz.run("FuzzTest.shortInputs", seed, 1, PER_TRY, INPUTS,
                CONTEXTS, shortInputs));
        assertThat(replayed.getMessage()).contains("failed on try 1 of 1 (seed " + seed + ", input " + input.length);
        assertThat(Files.readAllBytes(saved)).isEqualTo(input);
    }

    @Test
    void aTryThatHangsFailsAtTheTimeLimit() {
        long started = System.nanoTime();

        AssertionError failure = assertThrows(AssertionError.class, () -> Fuzz.run("FuzzTest.hangs", 1, 5, Duration.ofMillis(200), INPUTS,
                CONTEXTS, (input, context) -> Thread.sleep(60_000)));

        assertThat(failure.getMessage()).contains("failed on try 1 of 5", "timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void anExceptionInsideTheCodeUnderTestFailsTheTry() {
        AssertionError failure = assertThrows(AssertionError.class, () -> Fuzz.run("FuzzTest.crashes", 1, 5, PER_TRY, INPUTS, CONTEXTS,
                (input, context) -> {
                    throw new StackOverflowError("deep");
                }));

        assertThat(failure).hasCauseInstanceOf(StackOverflowError.class);
    }

    private static List<String> tried(long seed, int tries) {
        List<String> seen = new ArrayList<>();
        Fuzz.run("FuzzTest.tried", seed, tries, PER_TRY, INPUTS, CONTEXTS,
                (input, context) -> seen.add(context + ":" + HexFormat.of().formatHex(input)));
        return seen;
    }
}
