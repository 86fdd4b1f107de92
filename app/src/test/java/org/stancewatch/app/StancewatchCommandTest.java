package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StancewatchCommandTest {

    @Test
    void helpListsTheCommandsAndTheEnvironment() {
        CommandRun help = CommandRun.of("--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: stancewatch", "services", "KAFKA_BOOTSTRAP_SERVERS", "ELASTICSEARCH_URL",
                "STANCEWATCH_HOME");
    }

    @Test
    void everyEnvironmentVariableTheApplicationReadsIsInTheHelp() {
        CommandRun help = CommandRun.of("--help");

        for (Environment variable : Environment.values()) {
            assertThat(help.out()).contains(variable.name());
        }
    }

    @Test
    void versionNamesTheBuildAndTheEngines() {
        CommandRun version = CommandRun.of("--version");

        assertThat(version.exit()).isZero();
        assertThat(version.out()).containsPattern("stancewatch \\d+\\.\\d+")
                .contains("Kafka clients 4.3.1", "CoreNLP 4.5.10");
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatSaysSo() {
        CommandRun unknown = CommandRun.of("crawlz");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown command 'crawlz'", "crawl, analyze, index");
    }

    @Test
    void anUnknownCommandIsAnErrorEvenWithHelpAfterIt() {
        CommandRun unknown = CommandRun.of("notacommand", "--help");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown command 'notacommand'");
        assertThat(unknown.out()).doesNotContain("Usage: stancewatch");
    }
}
