package org.stancewatch.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.Alert;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.json.Json;
import org.stancewatch.notify.NoticeFixtures;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;

/** The webhook channel against a real HTTP server in the test. */
class WebhookChannelTest {
    private static final String TOKEN = "s3cr3t-token";

    private final TestReceiver receiver = new TestReceiver();
    private final Alert alert = NoticeFixtures.toneAlert("russia", "missile-defense", "nytimes.com");

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void theReceiverGetsTheAlertAsModelJsonWithIdempotencyKeyUserAgentAndBearerToken() throws Exception {
        var settings = new WebhookSettings(receiver.url("/hooks/alerts"), WebhookFormat.JSON, TOKEN, null, null);

        new WebhookChannel("ops", settings).send(Delivery.single(Notice.of(alert)));

        TestReceiver.Received request = receiver.received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks/alerts");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Idempotency-Key")).isEqualTo(alert.id());
        assertThat(request.header("User-Agent")).matches("stancewatch/\\d+\\.\\d+\\.\\d+.*");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        JsonNode body = Json.mapper().readTree(request.body());
        assertThat(body.path("type").asText()).isEqualTo("stancewatch.alert");
        assertThat(body.path("id").asText()).isEqualTo(alert.id());
        assertThat(body.path("text").asText()).startsWith("Tone toward russia on missile-defense in nytimes.com turned negative");
        JsonNode notice = body.path("notices").get(0);
        assertThat(notice.path("kind").asText()).isEqualTo("tone");
        assertThat(Codecs.ALERT.fromTree(notice.path("alert"))).isEqualTo(alert);
    }

    @Test
    void aDigestIsOneRequestOfTypeDigestCarryingEachNoticeAlertOrSource() throws Exception {
        var status = NoticeFixtures.sourceStatus("bbc-world", SourceHealth.SILENT, "nothing new for 3 days");
        Delivery digest = Delivery.digest(List.of(Notice.of(alert), Notice.of(NoticeFixtures.attentionAlert("iran")),
                Notice.of(status)));

        new WebhookChannel("ops", WebhookSettings.of(receiver.url("/"))).send(digest);

        assertThat(receiver.received).hasSize(1);
        assertThat(receiver.received.get(0).header("Authorization")).isNull();
        JsonNode body = Json.mapper().readTree(receiver.received.get(0).body());
        assertThat(body.path("type").asText()).isEqualTo("stancewatch.digest");
        assertThat(body.path("id").asText()).isEqualTo(digest.id());
        assertThat(body.path("notices")).extracting(node -> node.path("kind").asText())
                .containsExactly("tone", "attention", "source");
        assertThat(Codecs.SOURCE_STATUS.fromTree(body.path("notices").get(2).path("source"))).isEqualTo(status);
    }

    @Test
    void theSlackFormatIsOneMrkdwnTextWithTheEvidenceAsLinks() throws Exception {
        var settings = new WebhookSettings(receiver.url("/services/T0/B0/x"), WebhookFormat.SLACK, null, null, null);

        new WebhookChannel("slack", settings).send(Delivery.single(Notice.of(
                NoticeFixtures.toneAlert("russia", StanceBucket.ALL, "nytimes.com"))));

        JsonNode body = Json.mapper().readTree(receiver.received.get(0).body());
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.path("text").asText())
                .startsWith("*Tone toward russia on all topics in nytimes.com turned negative: -0.42*\n")
                .contains("• <https://www.nytimes.com/2011/03/02/world/europe/shield.html|nytimes.com, 2011-03-02, -0.71>: "
                        + "“Moscow condemned the missile shield as a threat.”");
    }

    @Test
    void slackTextEscapesAngleBracketsAndAmpersandsSoASentenceCannotForgeALink() {
        assertThat(WebhookPayload.escape("<https://evil|click> & co")).isEqualTo("&lt;https://evil|click&gt; &amp; co");
    }

    @Test
    void aWebhookAnswering500IsRetryableAndCarriesItsRetryAfter() {
        receiver.answering(503, "down for maintenance", Map.of("Retry-After", "120"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> new WebhookChannel("ops", WebhookSettings.of(receiver.url("/"))).send(Delivery.single(Notice.of(alert))));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(failure).hasMessageContaining("answered 503: down for maintenance");
    }

    @Test
    void a429IsRetryable() {
        receiver.answering(429, "", Map.of());

        assertThatThrownBy(() -> new WebhookChannel("ops", WebhookSettings.of(receiver.url("/")))
                .send(Delivery.single(Notice.of(alert))))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void aWebhookAnswering400IsARefusalNamingTheStatusAndTheFirst200CharactersOfTheBody() {
        String explanation = "invalid payload: " + "x".repeat(400);
        receiver.answering(400, explanation, Map.of());

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> new WebhookChannel("ops", WebhookSettings.of(receiver.url("/"))).send(Delivery.single(Notice.of(alert))));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.retryAfter()).isEmpty();
        assertThat(failure).hasMessageContaining("answered 400: " + explanation.substring(0, 200) + "…")
                .hasMessageNotContaining(explanation.substring(0, 201));
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutRetryablyWithinTheRequestTimeout() {
        receiver.hanging();
        var settings = new WebhookSettings(receiver.url("/"), null, null, null, Duration.ofMillis(500));
        long started = System.nanoTime();

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> new WebhookChannel("ops", settings).send(Delivery.single(Notice.of(alert))));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure.retryable()).isTrue();
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void aClosedPortIsARetryableConnectionFailureThatNamesNeitherPathNorToken() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var settings = new WebhookSettings(URI.create("http://127.0.0.1:" + closedPort + "/services/SECRET-PATH"),
                null, TOKEN, null, null);

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> new WebhookChannel("ops", settings).send(Delivery.single(Notice.of(alert))));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("cannot connect to webhook ops at http://127.0.0.1:" + closedPort)
                .hasMessageNotContaining("SECRET-PATH").hasMessageNotContaining(TOKEN);
        assertThat(settings.toString()).doesNotContain("SECRET-PATH", TOKEN);
    }

    @Test
    void settingsDefaultToJsonTenSecondsToConnectAndThirtyForTheAnswer() {
        WebhookSettings settings = WebhookSettings.of(URI.create("https://example.org/hook"));

        assertThat(settings.format()).isEqualTo(WebhookFormat.JSON);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void settingsRefuseANonHttpUrlATokenWithSpacesAndAZeroTimeout() {
        assertThatThrownBy(() -> WebhookSettings.of(URI.create("ftp://example.org/hook")))
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> new WebhookSettings(URI.create("https://example.org"), null, "two words", null, null))
                .hasMessageContaining("environment variable").hasMessageNotContaining("two words");
        assertThatThrownBy(() -> new WebhookSettings(URI.create("https://example.org"), null, null, Duration.ZERO, null))
                .hasMessageContaining("connectTimeout must be positive");
        assertThatThrownBy(() -> WebhookFormat.fromConfig("teams")).hasMessageContaining("use one of json, slack");
    }
}
