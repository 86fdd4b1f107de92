package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StancewatchCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void helpListsTheCommandsAndTheEnvironment() {
        assertThat(Stancewatch.execute("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: stancewatch", "services", "KAFKA_BOOTSTRAP_SERVERS", "ELASTICSEARCH_URL",
                        "STANCEWATCH_HOME");
    }

    @Test
    void everyEnvironmentVariableTheApplicationReadsIsInTheHelp() {
        Stancewatch.execute("--help");

        for (Environment variable : Environment.values()) {
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(variable.name());
        }
    }

    @Test
    void versionNamesTheBuildAndTheEngines() {
        assertThat(Stancewatch.execute("--version")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("stancewatch \\d+\\.\\d+")
                .contains("Kafka clients 4.3.1", "CoreNLP 4.5.10");
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatSaysSo() {
        assertThat(Stancewatch.execute("crawlz")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unmatched argument", "crawlz");
    }
}
