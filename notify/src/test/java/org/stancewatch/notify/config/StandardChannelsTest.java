package org.stancewatch.notify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.stancewatch.notify.channel.AtomFeedChannel;
import org.stancewatch.notify.channel.EmailChannel;
import org.stancewatch.notify.channel.WebhookChannel;

/** The shipped channel types as alerts.yml builds them, through the class path's registration. */
class StandardChannelsTest {
    private static final UnaryOperator<String> ENV = Map.of("HOOK_TOKEN", "t0ken", "SMTP_PASSWORD", "pw")::get;

    @Test
    void theClassPathRegistersTheAtomWebhookAndEmailChannels() {
        assertThat(InstalledChannels.load().types()).contains("atom", "webhook", "email");
    }

    @Test
    void theShippedFileBuildsARealAtomFeedChannel() {
        AlertsConfig config = AlertsFile.bundled(name -> null, InstalledChannels.load());

        assertThat(config.channels()).singleElement()
                .satisfies(c -> assertThat(c.channel()).isInstanceOf(AtomFeedChannel.class));
    }

    @Test
    void everyChannelOfACompleteFileIsBuiltWithItsSecretsFromTheEnvironment() throws IOException {
        AlertsConfig config = AlertsFile.parse("complete.yml", fixture("complete.yml"), ENV, new StandardChannels(ENV));

        assertThat(config.channels()).extracting(c -> (Object) c.channel().getClass())
                .containsExactly(AtomFeedChannel.class, WebhookChannel.class, EmailChannel.class);
        assertThat(config.channels().get(1).channel().toString()).doesNotContain("t0ken");
        assertThat(config.channels().get(2).channel().toString()).doesNotContain("pw");
    }

    @Test
    void unusableValuesAreReportedWithTheFileLineAndSetting() {
        String yaml = """
                channels:
                  hook:
                    type: webhook
                    url: ftp://hooks.example.org/x
                    requestTimeout: soon
                  mail:
                    type: email
                    host: smtp.example.org
                    port: many
                    to: [desk@example.org]
                  feed:
                    type: atom
                    username: me
                watchlists:
                  - name: all
                    channels: [hook, mail, feed]
                """;

        assertThatThrownBy(() -> AlertsFile.parse("bad.yml", yaml.getBytes(StandardCharsets.UTF_8), ENV,
                new StandardChannels(ENV)))
                .isInstanceOf(AlertsConfigException.class)
                .hasMessageContaining("bad.yml:5: channels.hook.requestTimeout: 'soon' is not a duration")
                .hasMessageContaining("bad.yml:9: channels.mail.port: expected a whole number, found 'many'")
                .hasMessageContaining("bad.yml:13: channels.feed.username: unknown key");
    }

    @Test
    void theExampleOfTheAlertsPageIsAValidFile() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "alerts.md"));
        String example = page.substring(page.indexOf("```yaml\nchannels:") + "```yaml\n".length());
        example = example.substring(0, example.indexOf("```"));
        UnaryOperator<String> env = Map.of("STANCEWATCH_WEBHOOK_TOKEN", "t", "STANCEWATCH_SMTP_PASSWORD", "p")::get;

        AlertsConfig config = AlertsFile.parse("docs/alerts.md", example.getBytes(StandardCharsets.UTF_8), env,
                new StandardChannels(env));

        assertThat(config.channels()).hasSize(3);
        assertThat(config.watchlists()).hasSize(3);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = StandardChannelsTest.class.getResourceAsStream("/alerts/" + name)) {
            return in.readAllBytes();
        }
    }
}
