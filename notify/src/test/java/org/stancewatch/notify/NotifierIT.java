package org.stancewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.junit.EmbeddedServicesExtension;
import org.stancewatch.model.Alert;
import org.stancewatch.model.DeadLetter;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.notify.config.AlertsConfig;
import org.stancewatch.notify.config.AlertsFile;
import org.stancewatch.notify.dispatch.FaultPoints;
import org.stancewatch.notify.dispatch.RetrySchedule;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.testing.FakeChannelFactory;
import org.stancewatch.notify.testing.NotifyKafka;
import org.stancewatch.notify.testing.RecordingChannel;
import org.stancewatch.notify.testing.TestNotices;

/**
 * The notifier on the embedded broker: stopped abruptly at the two places where a crash could
 * lose or repeat a notice, then started again.
 */
@ExtendWith(EmbeddedServicesExtension.class)
class NotifierIT {
    private static final String ALERTS_YML = """
            channels:
              hook: {type: webhook, url: "https://hooks.example.org/x"}
            watchlists:
              - {name: everything, channels: [hook]}
            """;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private NotifierSettings config;
    private NotifyKafka kafka;
    /** The receiver: it outlives notifier restarts and, like a real one, knows delivery ids it accepted. */
    private RecordingChannel receiver;

    @BeforeEach
    void setUp(EmbeddedServices services) throws Exception {
        String unique = "it-" + UUID.randomUUID().toString().substring(0, 8);
        config = NotifierSettings.of(services.kafkaBootstrapServers())
                .withTopics(NotifierKafkaTopics.prefixed(unique + ".")).withGroupId(unique).withFromBeginning(true)
                .withRetry(new RetrySchedule(Duration.ofMillis(50), Duration.ofSeconds(1), 5, Duration.ofMinutes(10)));
        kafka = new NotifyKafka(services.kafkaBootstrapServers());
        kafka.create(config.topics(), 2);
        receiver = new RecordingChannel("hook");
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void aCrashAfterThePendingEntriesAreWrittenButBeforeTheCommitDeliversEachAlertExactlyOnceAfterRestart()
            throws Exception {
        List<Alert> alerts = sendAlerts(6);
        AtomicInteger commits = new AtomicInteger();
        FaultPoints crashBeforeFirstCommit = new FaultPoints() {
            @Override
            public void beforeCommit() {
                if (commits.incrementAndGet() == 1) {
                    throw new IllegalStateException("simulated crash before the commit");
                }
            }
        };

        Notifier crashed = start(crashBeforeFirstCommit);
        await().atMost(WAIT).until(() -> !crashed.isRunning());
        assertThat(crashed.failure()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("simulated crash"));
        crashed.close();
        assertThat(receiver.attempts()).as("nothing is sent before the commit").isEmpty();

        try (Notifier restarted = start(FaultPoints.NONE)) {
            await().atMost(WAIT).until(() -> receiver.accepted().size() == alerts.size());
            Thread.sleep(1000); // room for a second copy to show up, were there one
        }

        assertThat(receiver.acceptedNoticeIds()).containsExactlyInAnyOrderElementsOf(ids(alerts));
        assertThat(receiver.attempts()).as("each sent once: the replayed records were already pending")
                .hasSize(alerts.size());
    }

    @Test
    void aCrashAfterTheChannelAcceptedButBeforeSentWasRecordedRepeatsOnlyThatDeliveryWithTheSameId() throws Exception {
        List<Alert> alerts = sendAlerts(5);
        AtomicInteger sends = new AtomicInteger();
        List<String> cut = new ArrayList<>();
        FaultPoints crashAfterSecondSend = new FaultPoints() {
            @Override
            public void afterSend(String channel, Delivery delivery) {
                if (sends.incrementAndGet() == 2) {
                    cut.add(delivery.id());
                    throw new IllegalStateException("simulated crash after sending");
                }
            }
        };

        Notifier crashed = start(crashAfterSecondSend);
        await().atMost(WAIT).until(() -> receiver.attempts().size() == 2);
        Thread.sleep(500); // the worker is dead: nothing more goes out
        assertThat(receiver.attempts()).hasSize(2);
        crashed.close();

        try (Notifier restarted = start(FaultPoints.NONE)) {
            await().atMost(WAIT).until(() -> receiver.accepted().size() == alerts.size());
            Thread.sleep(1000);
        }

        assertThat(receiver.acceptedNoticeIds()).containsExactlyInAnyOrderElementsOf(ids(alerts));
        List<String> attempts = receiver.attempts();
        assertThat(attempts).hasSize(alerts.size() + 1);
        assertThat(attempts.stream().filter(cut.get(0)::equals)).as("the one repeat, with the same id").hasSize(2);
        assertThat(attempts.stream().distinct()).hasSize(alerts.size());
    }

    @Test
    void aRestartAfterEverythingWasCommittedAndSentDeliversNothingAgain() throws Exception {
        List<Alert> alerts = sendAlerts(4);
        try (Notifier first = start(FaultPoints.NONE)) {
            await().atMost(WAIT).until(() -> receiver.accepted().size() == alerts.size());
        }

        try (Notifier second = start(FaultPoints.NONE)) {
            Alert later = TestNotices.alert(100);
            kafka.send(config.topics().alerts(), 0, later.id(), Codecs.ALERT.write(later));
            await().atMost(WAIT).until(() -> receiver.accepted().size() == alerts.size() + 1);
            Thread.sleep(1000);
            assertThat(second.progress().delivered()).isEqualTo(1);
        }

        assertThat(receiver.attempts()).hasSize(alerts.size() + 1);
    }

    @Test
    void aMalformedRecordIsDeadLetteredAndANewerOneHoldsOnlyItsOwnPartition() throws Exception {
        String alertsTopic = config.topics().alerts();
        Alert waiting = TestNotices.alert(1);
        Alert delivered = TestNotices.alert(2);
        String newer = new String(Codecs.ALERT.write(waiting), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        kafka.send(alertsTopic, 0, waiting.id(), newer.getBytes(StandardCharsets.UTF_8));
        kafka.send(alertsTopic, 0, waiting.id(), Codecs.ALERT.write(waiting));
        kafka.send(alertsTopic, 1, "junk", "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.send(alertsTopic, 1, delivered.id(), Codecs.ALERT.write(delivered));

        try (Notifier notifier = start(FaultPoints.NONE)) {
            await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
            await().atMost(WAIT).until(() -> notifier.progress().heldPartitions() == 1);
            assertThat(notifier.isRunning()).isTrue();
            assertThat(notifier.progress().deadLettered()).isEqualTo(1);
        }

        assertThat(receiver.acceptedNoticeIds()).containsExactly(delivered.id());
        List<DeadLetter> letters = kafka.deadLetters(config.topics().deadLetters(), 1, WAIT);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.stage()).isEqualTo("notify");
            assertThat(letter.reason()).isEqualTo("malformed-record");
            assertThat(letter.subject()).isEqualTo(alertsTopic + "-1@0");
            assertThat(letter.payload()).isEqualTo("{not json");
        });
    }

    @Test
    void whileTheBrokerRefusesLedgerWritesTheNotifierWaitsAndThenDeliversTheAlertOnce() throws Exception {
        kafka.maxRecordBytes(config.topics().ledger(), 64); // every pending entry is larger: refused
        List<Alert> alerts = sendAlerts(1);

        try (Notifier notifier = start(FaultPoints.NONE)) {
            Thread.sleep(3000);
            assertThat(receiver.attempts()).as("nothing goes out before it is pending in the ledger").isEmpty();
            assertThat(notifier.isRunning()).isTrue();

            kafka.maxRecordBytes(config.topics().ledger(), 1024 * 1024);
            await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
            Thread.sleep(1000);
        }

        assertThat(receiver.acceptedNoticeIds()).containsExactlyElementsOf(ids(alerts));
        assertThat(receiver.attempts()).hasSize(1);
    }

    @Test
    void anAlertWrittenInATransactionIsToldAndItsPartitionCommittedPastTheMarker() throws Exception {
        Alert alert = TestNotices.alert(7);
        kafka.sendInTransaction(config.topics().alerts(), alert.id(), Codecs.ALERT.write(alert));

        try (Notifier notifier = start(FaultPoints.NONE)) {
            await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
            // read_committed: the record and its commit marker; a lag of 1 would never let a pipeline catch up
            await().atMost(WAIT).until(() -> kafka.lag(config.groupId(), config.topics().alerts()) == 0);
        }

        assertThat(receiver.acceptedNoticeIds()).containsExactly(alert.id());
    }

    @Test
    void aSourcesChangeOfHealthIsToldOnceAndSoIsItsRecovery() throws Exception {
        String sources = config.topics().sources();
        var t = TestNotices.DAY;
        for (var status : List.of(TestNotices.status("reuters", SourceHealth.OK, t),
                TestNotices.status("reuters", SourceHealth.FAILING, t.plusSeconds(3600)),
                TestNotices.status("reuters", SourceHealth.FAILING, t.plusSeconds(3600)),
                TestNotices.status("reuters", SourceHealth.OK, t.plusSeconds(7200)))) {
            kafka.send(sources, 0, status.source(), Codecs.SOURCE_STATUS.write(status));
        }

        try (Notifier notifier = start(FaultPoints.NONE)) {
            await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
            Thread.sleep(1000);
        }

        assertThat(receiver.accepted()).extracting(d -> d.notices().get(0).source().health())
                .containsExactly(SourceHealth.FAILING, SourceHealth.OK);
    }

    private Notifier start(FaultPoints faults) {
        AlertsConfig alerts = AlertsFile.parse("test alerts.yml", ALERTS_YML.getBytes(StandardCharsets.UTF_8),
                Map.<String, String>of()::get, new FakeChannelFactory().with(receiver));
        return Notifier.start(config, alerts, faults, Clock.systemUTC());
    }

    private List<Alert> sendAlerts(int n) throws Exception {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Alert alert = TestNotices.alert(i);
            kafka.send(config.topics().alerts(), i % 2, alert.id(), Codecs.ALERT.write(alert));
            alerts.add(alert);
        }
        return alerts;
    }

    private static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::id).toList();
    }
}
