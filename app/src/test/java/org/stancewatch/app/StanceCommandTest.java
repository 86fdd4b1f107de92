package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stance command's argument checks (no CoreNLP is loaded for these). */
class StanceCommandTest {

    @Test
    void withoutInputItSaysWhatToGive() {
        CommandRun run = CommandRun.of("stance");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("give one of --text, --file or --newsmtsc");
    }

    @Test
    void textAndFileTogetherAreRefused() {
        CommandRun run = CommandRun.of("stance", "--text", "a", "--file", "b.txt");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void outGoesOnlyWithNewsMtsc() {
        CommandRun run = CommandRun.of("stance", "--text", "NATO met.", "--out", "p.jsonl");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--out goes with --newsmtsc");
    }

    @Test
    void trainNeedsItsData() {
        CommandRun run = CommandRun.of("stance", "train");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--data");
    }
}
