package org.stancewatch.notify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.stancewatch.config.ConfigProblem;
import org.stancewatch.model.Direction;
import org.stancewatch.notify.testing.FakeChannelFactory;
import org.stancewatch.notify.watchlist.NoticeKind;
import org.stancewatch.notify.watchlist.Watchlist;

class AlertsFileTest {
    private static final UnaryOperator<String> ENV = Map.of("HOOK_TOKEN", "t0ken", "SMTP_PASSWORD", "pw")::get;

    @Test
    void theShippedFileSendsEverythingToAnAtomFeedUnderTheDataFolder() {
        AlertsConfig withHome = AlertsFile.bundled(Map.of("STANCEWATCH_HOME", "/srv/stancewatch")::get,
                new FakeChannelFactory());
        AlertsConfig withoutHome = AlertsFile.bundled(name -> null, new FakeChannelFactory());

        assertThat(withHome.channels()).singleElement().satisfies(c -> {
            assertThat(c.spec().name()).isEqualTo("feed");
            assertThat(c.spec().type()).isEqualTo("atom");
            assertThat(c.spec().settings().get("file").asText()).isEqualTo("/srv/stancewatch/notify/alerts.atom");
            assertThat(c.spec().hasDigest()).isFalse();
        });
        assertThat(withoutHome.channels().get(0).spec().settings().get("file").asText())
                .isEqualTo("data/notify/alerts.atom");
        assertThat(withHome.watchlists()).singleElement().satisfies(w -> {
            assertThat(w.kinds()).containsExactlyInAnyOrder(NoticeKind.values());
            assertThat(w.channels()).containsExactly("feed");
        });
    }

    @Test
    void everyKeyOfACompleteFileIsRead() {
        AlertsConfig config = parse("complete.yml", ENV);

        assertThat(config.channels()).extracting(c -> c.spec().name()).containsExactly("feed", "team-hook", "desk-mail");
        ChannelSpec hook = config.channels().get(1).spec();
        assertThat(hook.maxPerHour()).isEqualTo(12);
        assertThat(hook.settings().get("tokenEnv").asText()).isEqualTo("HOOK_TOKEN"); // the name, not the secret
        assertThat(config.channels().get(0).spec().settings().get("file").asText()).isEqualTo("/tmp/feeds/alerts.atom");
        Watchlist russia = config.watchlists().get(1);
        assertThat(russia.kinds()).containsExactly(NoticeKind.TONE);
        assertThat(russia.actors()).containsExactly("russia");
        assertThat(russia.topics()).containsExactly("missile-defense");
        assertThat(russia.outlets()).containsExactly("example.com");
        assertThat(russia.holders()).containsExactly("nato");
        assertThat(russia.direction()).isEqualTo(Direction.NEGATIVE);
        assertThat(russia.minSignificance()).isEqualTo(3.5);
        assertThat(russia.minEvidence()).isEqualTo(5);
        assertThat(russia.channels()).containsExactly("team-hook", "desk-mail");
        assertThat(config.watchlists().get(2).sources()).containsExactly("reuters");
        assertThat(config.watchlists().get(0).direction()).isNull();
    }

    @Test
    void unknownKeysAreRejectedWithTheirLineAndASuggestion() {
        assertThat(problems("unknown-keys.yml", ENV)).containsExactlyInAnyOrder(
                "unknown-keys.yml:10: chanels: unknown key (did you mean 'channels'?)",
                "unknown-keys.yml:5: channels.feed.titel: unknown key (did you mean 'title'?)",
                "unknown-keys.yml:8: watchlists[0].minSignificanse: unknown key (did you mean 'minSignificance'?)");
    }

    @Test
    void aLiteralTokenOrPasswordIsRefusedAndPointsToTheEnvironment() {
        assertThat(problems("literal-secret.yml", ENV)).containsExactlyInAnyOrder(
                "literal-secret.yml:5: channels.team-hook.token: secrets do not belong in the file: put it in an "
                        + "environment variable and write 'tokenEnv: VARIABLE_NAME'",
                "literal-secret.yml:9: channels.desk-mail.password: secrets do not belong in the file: put it in an "
                        + "environment variable and write 'passwordEnv: VARIABLE_NAME'");
    }

    @Test
    void aWatchlistNamingAnUndeclaredChannelIsReportedWithASuggestion() {
        assertThat(problems("unknown-channel.yml", ENV)).containsExactly(
                "unknown-channel.yml:7: watchlists[0] (everything).channels: no channel named 'fead' under "
                        + "'channels:' (did you mean 'feed'?)",
                "unknown-channel.yml:9: watchlists[1] (other).channels: no channel named 'pager' under 'channels:'; "
                        + "declared: feed");
    }

    @Test
    void everyBadValueOfAFileIsReportedAtOnce() {
        assertThat(problems("bad-values.yml", ENV)).containsExactlyInAnyOrder(
                "bad-values.yml:5: channels.feed.digest.maxPerHour: expected a whole number of messages per hour, 1 or more",
                "bad-values.yml:7: channels.chat.type: unknown channel type 'slack'; known types: atom, email, webhook",
                "bad-values.yml:10: channels.hook.url: expected an http or https URL",
                "bad-values.yml:13: watchlists[0] (everything).kinds: unknown kind 'tones' (did you mean 'tone'?); "
                        + "kinds are tone, attention and source",
                "bad-values.yml:14: watchlists[0] (everything).direction: expected negative, positive or any, got 'sideways'",
                "bad-values.yml:15: watchlists[0] (everything).minSignificance: expected a number of 0 or more",
                "bad-values.yml:16: watchlists[0] (everything).minEvidence: expected a whole number of 0 or more",
                "bad-values.yml:18: watchlists[1].name: duplicate name 'everything': each watchlist needs its own",
                "bad-values.yml:20: watchlists[2]: 'name' is required",
                "bad-values.yml:20: watchlists[2].channels: expected a list of at least one channel name");
    }

    @Test
    void anUnsetEnvironmentVariableIsNamedWithWhatToDo() {
        assertThat(problems("missing-environment.yml", name -> null)).containsExactlyInAnyOrder(
                "missing-environment.yml:4: channels.team-hook.url: environment variable HOOK_BASE is not set (set it, "
                        + "or write ${HOOK_BASE:-default})",
                "missing-environment.yml:5: channels.team-hook.tokenEnv: environment variable HOOK_TOKEN_NOT_SET is not "
                        + "set (set it before starting, e.g. export HOOK_TOKEN_NOT_SET=...)");
    }

    @Test
    void notYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> parse("not-yaml.yml", ENV)).isInstanceOf(AlertsConfigException.class)
                .extracting(e -> ((AlertsConfigException) e).problems(), list(ConfigProblem.class))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.message()).startsWith("not valid YAML");
                });
    }

    @Test
    void aFileWithoutChannelsOrWatchlistsSaysWhatIsNeeded() {
        assertThat(problems("empty-sections.yml", ENV)).containsExactly(
                "empty-sections.yml:1: channels: expected a mapping of at least one channel: name -> {type: "
                        + "atom|webhook|email, ...}",
                "empty-sections.yml:2: watchlists: expected a list of at least one watchlist (without one, nothing is sent)");
    }

    @Test
    void aMissingFileSaysHowToUseTheDefaults() {
        assertThatThrownBy(() -> AlertsFile.load(java.nio.file.Path.of("no/such/alerts.yml"), ENV,
                new FakeChannelFactory()))
                .hasMessageContaining("no/such/alerts.yml: no such file")
                .hasMessageContaining("leave --alerts-file out to use the defaults");
    }

    @Test
    void theMessageListsEveryProblem() {
        assertThatThrownBy(() -> parse("literal-secret.yml", ENV))
                .hasMessageStartingWith("the alerts file has 2 problems:");
    }

    private static AlertsConfig parse(String fixture, UnaryOperator<String> env) {
        return AlertsFile.parse(fixture, read(fixture), env, new FakeChannelFactory());
    }

    private static List<String> problems(String fixture, UnaryOperator<String> env) {
        try {
            parse(fixture, env);
        } catch (AlertsConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError(fixture + " was accepted");
    }

    private static byte[] read(String fixture) {
        try (InputStream in = AlertsFileTest.class.getResourceAsStream("/alerts/" + fixture)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
