package org.stancewatch.notify;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.notify.config.AlertsConfig;
import org.stancewatch.notify.dispatch.ChannelHealth;
import org.stancewatch.notify.dispatch.ChannelWorker;
import org.stancewatch.notify.dispatch.Dispatcher;
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
public final class Notifier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotifierSettings config;
    private final KafkaProducer<String, byte[]> producer;
    private final Dispatcher dispatcher;
    private final NotifierLoop loop;
    private final Thread thread;
    private volatile boolean closed;

    private Notifier(NotifierSettings config, AlertsConfig alerts, FaultPoints faults, Clock clock) {
        this.config = config;
        this.producer = new KafkaProducer<>(producerProperties(config), new StringSerializer(), new ByteArraySerializer());
        Ledger ledger = new Ledger(new KafkaLedgerLog(config.topics().ledger(), producer, clientProperties(config)));
        KafkaDeadLetterSink deadLetters = new KafkaDeadLetterSink(producer, config.topics().deadLetters());
        this.dispatcher = new Dispatcher(alerts.channels(), ledger, deadLetters, config.retry(), faults, clock);
        this.loop = new NotifierLoop(new KafkaConsumer<>(consumerProperties(config), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), config.topics(), ledger, new NoticeMatcher(alerts.watchlists()), dispatcher,
                deadLetters, faults);
        this.thread = new Thread(loop, "stancewatch-notifier");
    }

    /** Starts consuming and delivering, each in threads of its own. The topics must exist. */
    public static Notifier start(NotifierSettings config, AlertsConfig alerts) {
        return start(config, alerts, FaultPoints.NONE, Clock.systemUTC());
    }

    static Notifier start(NotifierSettings config, AlertsConfig alerts, FaultPoints faults, Clock clock) {
        Notifier notifier = new Notifier(config, alerts, faults, clock);
        notifier.dispatcher.start();
        notifier.thread.start();
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

    /** True until {@link #close()} or a fatal error stopped the consumer. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** The error that stopped the notifier, if one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(loop.failure());
    }

    /** Blocks until the notifier stops (after {@link #close()} or a fatal error). */
    public void awaitStop() throws InterruptedException {
        thread.join();
    }

    /**
     * Stops consuming, gives the channels up to the shutdown timeout to send what is queued
     * (what is not sent stays pending in the ledger for the next start), and releases everything.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.stop();
        try {
            thread.join(config.shutdownTimeout().plusSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private static Map<String, Object> producerProperties(NotifierSettings config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "stancewatch-notify");
        props.putAll(config.kafkaOverrides());
        return props;
    }

    private static Map<String, Object> consumerProperties(NotifierSettings config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.fromBeginning() ? "earliest" : "latest");
        // analyze writes alerts in transactions: never tell about what an aborted one wrote
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "stancewatch-notify");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.putAll(config.kafkaOverrides());
        return props;
    }
}
