package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stancewatch notify}: its help and its errors, without a broker. */
class NotifyCommandTest {

    @Test
    void helpDescribesEveryOptionTheGuaranteesAndTheDefaultFeed() {
        CommandRun help = CommandRun.of("notify", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: stancewatch notify", "--alerts-file=FILE", "--from-beginning",
                "--group=ID", "--progress-every=SECONDS", "KAFKA_BOOTSTRAP_SERVERS", "docs/alerts.md");
        // picocli wraps long words at hyphens: compare without the line breaks
        assertThat(help.out().replaceAll("\\s+", "")).contains("stancewatch-notify", "stancewatch.notify-ledger",
                "stancewatch.notify.dlq", "STANCEWATCH_HOME/notify/alerts.atom");
        assertThat(CommandRun.of("--help").out()).contains("notify");
    }

    @Test
    void aMistakeInTheAlertsFileStopsItBeforeAnythingStartsNamingFileLineAndKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alerts.yml");
        Files.writeString(file, """
                channels:
                  feed: {type: atom, file: /tmp/a.atom}
                watchlist:
                  - {name: all, channels: [feed]}
                """);

        CommandRun run = CommandRun.of("notify", "--alerts-file", file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(file + ":3: watchlist: unknown key (did you mean 'watchlists'?)");
    }

    @Test
    void aMissingAlertsFileSaysHowToUseTheDefaults(@TempDir Path dir) {
        CommandRun run = CommandRun.of("notify", "--alerts-file", dir.resolve("nope.yml").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("nope.yml: no such file", "leave --alerts-file out to use the defaults");
    }
}
