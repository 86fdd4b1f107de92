package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 'stancewatch sources' on the command line: registered, helpful, and its table the default action. */
class SourcesCommandTest {

    @Test
    void theSourcesCommandIsListedAndItsHelpExplainsTheHealthsAndOptions() {
        assertThat(CommandRun.of("--help").out()).contains("sources");

        CommandRun help = CommandRun.of("sources", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("stancewatch.sources", "silent", "failing", "robots-disallowed",
                "discovery-gone", "not visited yet", "unreadable status", "--json", "--sources-file", "list",
                "KAFKA_BOOTSTRAP_SERVERS", "docs/source-health.md");
    }

    @Test
    void listIsASubcommandWithTheSameOptions() {
        CommandRun help = CommandRun.of("sources", "list", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--json", "--sources-file");
    }

    @Test
    void aSourcesFileThatDoesNotExistIsAnErrorThatNamesIt() {
        CommandRun run = CommandRun.of("sources", "--sources-file", "no/such/sources.yml");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("no/such/sources.yml");
    }
}
