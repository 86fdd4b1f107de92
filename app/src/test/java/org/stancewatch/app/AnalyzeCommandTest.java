package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.analyze.lexicon.LexiconException;
import org.stancewatch.analyze.stream.AnalyzeSettings;
import org.stancewatch.app.pipeline.KafkaConnection;
import picocli.CommandLine;

class AnalyzeCommandTest {

    static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new Stancewatch());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        commandLine.execute(args);
        return out.toString();
    }

    @Test
    void helpDescribesEveryOptionWithItsDefault() {
        String help = run("analyze", "--help");

        assertThat(help).contains("stancewatch.analyze.dlq", "same --application-id");
        for (String option : new String[] {"--application-id", "--threads", "--aggregation-threads", "--state-dir",
                "--grace", "--reorder-allowance", "--copy-weight", "--scoring-timeout", "--baseline", "--recent",
                "--min-baseline", "--min-recent", "--threshold", "--min-change", "--cooldown", "--shrinkage",
                "--evidence", "--no-attention", "--attention-threshold", "--attention-min-ratio",
                "--attention-min-recent", "--attention-recent", "--attention-cooldown", "--actors", "--topics", "--model",
                "--partitions", "--replication-factor", "--progress-interval", "--metrics-port", "--metrics-address",
                "--streams-config"}) {
            assertThat(help).contains(option);
        }
        assertThat(help).contains("stancewatch-analyze)", "(default: 7d)", "(default: 4.0)", "(default: 60s)");
        assertThat(run("--help")).contains("analyze");
    }

    @Test
    void optionsBecomeTheJobSettings() {
        AnalyzeCommand command = CommandLine.populateCommand(new AnalyzeCommand(),
                "--application-id", "newsroom", "--threads", "3", "--grace", "30d", "--copy-weight", "0.5",
                "--scoring-timeout", "90s", "--recent", "5d", "--threshold", "3.5", "--state-dir", "/tmp/x",
                "-c", "num.standby.replicas=1");

        AnalyzeSettings settings = command.settings();

        assertThat(settings.applicationId()).isEqualTo("newsroom");
        assertThat(settings.scoringThreads()).isEqualTo(3);
        assertThat(settings.grace()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.copyWeight()).isEqualTo(0.5);
        assertThat(settings.scoringTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.shift().recent()).isEqualTo(Duration.ofDays(5));
        assertThat(settings.shift().threshold()).isEqualTo(3.5);
        assertThat(settings.stateDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(settings.streamsOverrides()).containsEntry("num.standby.replicas", "1");
    }

    @Test
    void aSecuredClustersClientPropertiesReachBothApplicationsUnderTheCommandLinesOwn(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nnum.standby.replicas=0\n");
        AnalyzeCommand command = CommandLine.populateCommand(new AnalyzeCommand(), "-c", "num.standby.replicas=1");

        AnalyzeSettings settings = command.settings(KafkaConnection.of("broker:9093", file));

        assertThat(settings.bootstrapServers()).isEqualTo("broker:9093");
        assertThat(settings.streamsOverrides()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("num.standby.replicas", "1");
        assertThat(org.stancewatch.analyze.stream.StreamsProperties.scoring(settings,
                new org.stancewatch.analyze.stream.monitor.JobCounters())).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void theDefaultsAreTheJobsDefaults() {
        AnalyzeSettings settings = CommandLine.populateCommand(new AnalyzeCommand()).settings();
        AnalyzeSettings library = AnalyzeSettings.defaults(settings.bootstrapServers());

        assertThat(settings.shift()).isEqualTo(library.shift());
        assertThat(settings.attention()).isEqualTo(library.attention());
        assertThat(settings.grace()).isEqualTo(library.grace());
        assertThat(settings.reorderAllowance()).isEqualTo(library.reorderAllowance());
        assertThat(settings.scoringTimeout()).isEqualTo(library.scoringTimeout());
        assertThat(settings.copyWeight()).isEqualTo(library.copyWeight());
    }

    @Test
    void attentionOptionsBecomeTheAttentionSettingsAndNoAttentionSwitchesItOff() {
        AnalyzeSettings tuned = CommandLine.populateCommand(new AnalyzeCommand(), "--attention-threshold", "3.5",
                "--attention-min-ratio", "3", "--attention-min-recent", "20", "--attention-recent", "1d",
                "--attention-cooldown", "5d").settings();
        AnalyzeSettings off = CommandLine.populateCommand(new AnalyzeCommand(), "--no-attention").settings();

        assertThat(tuned.attention().enabled()).isTrue();
        assertThat(tuned.attention().threshold()).isEqualTo(3.5);
        assertThat(tuned.attention().minRatio()).isEqualTo(3);
        assertThat(tuned.attention().minRecent()).isEqualTo(20);
        assertThat(tuned.attention().recent()).isEqualTo(Duration.ofDays(1));
        assertThat(tuned.attention().cooldown()).isEqualTo(Duration.ofDays(5));
        assertThat(off.attention().enabled()).isFalse();
        assertThat(off.shift()).isEqualTo(AnalyzeSettings.defaults("x:9092").shift());
    }

    @Test
    void anAttentionSettingOutOfRangeIsRefusedWithWhatItMustBe() {
        assertThat(run("analyze", "--attention-min-ratio", "0.5"))
                .contains("attention minRatio must be at least 1 (a rise), was 0.5");
        assertThat(run("analyze", "--attention-recent", "12h"))
                .contains("attention recent must be a positive whole number of days, was PT12H");
    }

    @Test
    void lexiconFilesGivenReachTheScorer(@TempDir Path dir) throws Exception {
        Path topics = Files.writeString(dir.resolve("topics.yml"), "topics: [");
        AnalyzeCommand missing = CommandLine.populateCommand(new AnalyzeCommand(),
                "--actors", dir.resolve("no-such-actors.yml").toString());
        AnalyzeCommand broken = CommandLine.populateCommand(new AnalyzeCommand(), "--topics", topics.toString());

        // Both fail while reading the files, before CoreNLP would load.
        assertThatThrownBy(missing::scorer).isInstanceOf(LexiconException.class)
                .hasMessageContaining("no-such-actors.yml").hasMessageContaining("no such file");
        assertThatThrownBy(broken::scorer).isInstanceOf(LexiconException.class).hasMessageContaining(topics.toString());
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        DurationConverter converter = new DurationConverter();

        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(converter.convert("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(converter.convert("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(converter.convert("PT2H")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aDurationThatCannotBeReadIsRefusedWithExamples() {
        assertThat(run("analyze", "--grace", "soon")).contains("'soon' is not a duration; write e.g. 30s, 15m, 12h or 7d");
    }
}
