package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The stance command's argument checks (no CoreNLP is loaded for these). */
class StanceCommandTest {

    private static String stderrOf(Runnable run) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutInputItSaysWhatToGive() {
        int[] code = new int[1];
        String err = stderrOf(() -> code[0] = Stancewatch.execute("stance"));

        assertThat(code[0]).isEqualTo(2);
        assertThat(err).contains("give one of --text, --file or --newsmtsc");
    }

    @Test
    void textAndFileTogetherAreRefused() {
        int[] code = new int[1];
        String err = stderrOf(() -> code[0] = Stancewatch.execute("stance", "--text", "a", "--file", "b.txt"));

        assertThat(code[0]).isEqualTo(2);
        assertThat(err).contains("mutually exclusive");
    }

    @Test
    void outGoesOnlyWithNewsMtsc() {
        int[] code = new int[1];
        String err = stderrOf(() -> code[0] = Stancewatch.execute("stance", "--text", "NATO met.", "--out", "p.jsonl"));

        assertThat(code[0]).isEqualTo(2);
        assertThat(err).contains("--out goes with --newsmtsc");
    }

    @Test
    void trainNeedsItsData() {
        int[] code = new int[1];
        String err = stderrOf(() -> code[0] = Stancewatch.execute("stance", "train"));

        assertThat(code[0]).isEqualTo(2);
        assertThat(err).contains("--data");
    }
}
