package org.stancewatch.app.dlq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stancewatch.app.pipeline.KafkaConnection;

/**
 * Sends dead letters' records back to the topics they came from, once their cause is fixed: the
 * payload under its original key. Replays are safe to repeat: every stage writes by record id, so
 * a record processed twice overwrites itself.
 */
public final class DeadLetterReplay {
    private final KafkaConnection kafka;

    public DeadLetterReplay(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    /** What a replay did: records sent, and those it could not send, with why. */
    public record Outcome(int sent, List<String> skipped) {}

    /** Why this dead letter cannot be replayed, or null when it can. */
    public static String whyNotReplayable(StoredDeadLetter stored) {
        if (!ReasonCatalog.replayableStage(stored.letter().stage())) {
            return "an " + stored.letter().stage() + " dead letter names a page, not a record";
        }
        if (stored.letter().payload() == null) {
            return "it carries no payload";
        }
        if (stored.payloadCut()) {
            return "its payload was cut to fit the dead letter";
        }
        if (stored.sourceTopic().isEmpty()) {
            return "its subject names no topic (" + stored.letter().subject() + ")";
        }
        return null;
    }

    /** Sends each replayable dead letter's record back; waits until the broker has them all. */
    public Outcome replay(List<StoredDeadLetter> letters) throws InterruptedException {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "stancewatch-dlq-replay");
        List<String> skipped = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (StoredDeadLetter stored : letters) {
                String why = whyNotReplayable(stored);
                if (why != null) {
                    skipped.add(stored.where() + ": " + why);
                    continue;
                }
                sends.add(producer.send(new ProducerRecord<>(stored.sourceTopic().orElseThrow(), stored.key(),
                        stored.letter().payload().getBytes(StandardCharsets.UTF_8))));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a replayed record: " + e.getCause().getMessage(), e);
        }
        return new Outcome(sends.size(), skipped);
    }
}
