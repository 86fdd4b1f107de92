package org.stancewatch.notify;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.kafka.ConsumerStage;
import org.stancewatch.kafka.KafkaClientDefaults;
import org.stancewatch.kafka.RunningStage;
import org.stancewatch.notify.config.AlertsConfig;
import org.stancewatch.notify.dispatch.ChannelHealth;
import org.stancewatch.notify.dispatch.ChannelWorker;
import org.stancewatch.notify.dispatch.Dispatcher;
import org.stancewatch.notify.dispatch.FaultPoints;
import org.stancewatch.notify.ledger.KafkaLedgerLog;
import org.stancewatch.notify.ledger.Ledger;
import org.stancewatch.notify.watchlist.NoticeMatcher;

/**
 * The notify stage: a member of the consumer group {@code stancewatch-notify} on the alerts and
 * sources topics that tells people, through the channels of {@code alerts.yml}, about the
 * alerts and changes of source health its watchlists match.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>at least once: a delivery is written {@code pending} to the ledger before the offsets
 *       are committed, and stays pending (retried, after restarts too) until its channel accepts it;
 *   <li>never twice: once accepted it is written {@code sent}, and a sent delivery is never
 *       tried again. The one window left, a crash between the channel accepting and {@code sent}
 *       being written, repeats it with the same id, which the channels make recognisable;
 *   <li>a record that cannot be read goes to {@code stancewatch.notify.dlq}; one of a newer
 *       schema holds its partition until an upgraded notifier reads it;
 *   <li>each channel has its own thread, retries and hourly budget: a failing channel holds up no other.
 * </ul>
 *
 * <pre>{@code
 * try (Notifier notifier = Notifier.start(NotifierSettings.of(bootstrap), AlertsFile.load(path, factory))) {
 *     ... notifier.progress() ...
 * }
 * }</pre>
 */
public final class Notifier extends RunningStage {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotifierSettings config;
    private final KafkaProducer<String, byte[]> producer;
    private final Dispatcher dispatcher;
    private final NotifierLoop loop;

    private Notifier(NotifierSettings config, AlertsConfig alerts, FaultPoints faults, Clock clock) {
        super(config.shutdownTimeout());
        this.config = config;
        this.producer = new KafkaProducer<>(KafkaClientDefaults.safeProducer(config.bootstrapServers(),
                "stancewatch-notify", config.kafkaOverrides()), new StringSerializer(), new ByteArraySerializer());
        Ledger ledger = new Ledger(new KafkaLedgerLog(config.topics().ledger(), producer, clientProperties(config)));
        KafkaDeadLetterSink deadLetters = new KafkaDeadLetterSink(producer, config.topics().deadLetters());
        this.dispatcher = new Dispatcher(alerts.channels(), ledger, deadLetters, config.retry(), faults, clock);
        this.loop = new NotifierLoop(new KafkaConsumer<>(consumerProperties(config), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), config.topics(), ledger, new NoticeMatcher(alerts.watchlists()), dispatcher,
                deadLetters, faults);
    }

    /** Starts consuming and delivering, each in threads of its own. The topics must exist. */
    public static Notifier start(NotifierSettings config, AlertsConfig alerts) {
        return start(config, alerts, FaultPoints.NONE, Clock.systemUTC());
    }

    static Notifier start(NotifierSettings config, AlertsConfig alerts, FaultPoints faults, Clock clock) {
        Notifier notifier = new Notifier(config, alerts, faults, clock);
        notifier.dispatcher.start();
        notifier.loop.start("stancewatch-notifier");
        log.info("notifier started: group {}, topics {}, channels {}, {} watchlists from {}", config.groupId(),
                config.topics().consumed(), alerts.channels().stream().map(c -> c.spec().name()).toList(),
                alerts.watchlists().size(), alerts.file());
        return notifier;
    }

    public NotifierProgress progress() {
        long delivered = 0;
        long messages = 0;
        long pending = 0;
        long failed = 0;
        List<ChannelHealth> failing = new java.util.ArrayList<>();
        for (ChannelWorker worker : dispatcher.workers()) {
            delivered += worker.delivered();
            messages += worker.messages();
            pending += worker.pending();
            failed += worker.failed();
            if (worker.health().failing()) {
                failing.add(worker.health());
            }
        }
        return new NotifierProgress(delivered, messages, pending, failed, loop.deadLettered(), loop.heldPartitions(),
                failing);
    }

    @Override
    protected ConsumerStage consumer() {
        return loop;
    }

    /**
     * After the consumer stopped: gives the channels up to the shutdown timeout to send what is
     * queued (what is not sent stays pending in the ledger for the next start), and releases
     * everything else.
     */
    @Override
    protected void release() {
        awaitQueuedDeliveries();
        dispatcher.close();
        producer.close(java.time.Duration.ofSeconds(10));
        log.info("notifier stopped: {}", progress());
    }

    private void awaitQueuedDeliveries() {
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        while (System.nanoTime() < deadline && dispatcher.workers().stream()
                .anyMatch(w -> w.pending() > 0 && !w.health().failing() && w.crash() == null && w.health().failures() == 0)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Map<String, Object> clientProperties(NotifierSettings config) {
        Map<String, Object> props = new HashMap<>(config.kafkaOverrides());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return props;
    }

    private static Map<String, Object> consumerProperties(NotifierSettings config) {
        return KafkaClientDefaults.groupConsumer(config.bootstrapServers(), config.groupId(), "stancewatch-notify",
                config.fromBeginning() ? "earliest" : "latest", 500, config.kafkaOverrides());
    }
}
