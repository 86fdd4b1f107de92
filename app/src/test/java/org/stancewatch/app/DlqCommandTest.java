package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DlqCommandTest {

    @Test
    void helpNamesTheThreeThingsItDoesAndEveryOption() {
        CommandRun help = CommandRun.of("dlq", "--help");
        CommandRun replay = CommandRun.of("dlq", "replay", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("explain", "list", "replay", "stancewatch.analyze.dlq", "KAFKA_CLIENT_PROPERTIES");
        assertThat(replay.out()).contains("--stage", "--reason", "--since", "--until", "--dry-run");
        assertThat(CommandRun.of("--help").out()).contains("dlq");
    }

    @Test
    void anUnknownStageIsAnErrorThatNamesTheStagesBeforeKafkaIsAsked() {
        CommandRun run = CommandRun.of("dlq", "list", "--stage", "crawl");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("stancewatch dlq list: --stage crawl is not a stage: use ingest, analyze, index or notify");
    }

    @Test
    void withoutWhatToDoItSaysTheChoices() {
        CommandRun run = CommandRun.of("dlq");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("explain, list or replay");
    }
}
