package org.stancewatch.app.pipeline;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.model.kafka.KafkaTopicSetup;

/**
 * Creates the pipeline's missing Kafka topics, as every stage does at start, with one clear error when
 * Kafka cannot be reached.
 */
public final class ClusterKafkaTopics {
    private static final Logger log = LoggerFactory.getLogger(ClusterKafkaTopics.class);

    /** A replication factor that means "as many replicas as the cluster has brokers, up to three". */
    public static final short AS_MANY_AS_BROKERS = 0;

    private ClusterKafkaTopics() {}

    /** Creates what is missing, with its own admin client; returns the replication factor used. */
    public static short ensure(KafkaConnection kafka, int partitions, short replicationFactor) {
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            return ensure(admin, kafka.bootstrapServers(), partitions, replicationFactor);
        }
    }

    /** Creates what is missing; returns the replication factor used. */
    public static short ensure(Admin admin, String bootstrapServers, int partitions, short replicationFactor) {
        int brokers;
        try {
            brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " is not reachable (" + why(e)
                    + "). Start it (stancewatch services, or docker compose up -d kafka) or set KAFKA_BOOTSTRAP_SERVERS.", e);
        }
        short replicas = replicationFactor > 0 ? replicationFactor : (short) Math.min(3, Math.max(1, brokers));
        List<String> created = KafkaTopicSetup.ensureTopics(admin, partitions, replicas);
        if (!created.isEmpty()) {
            log.info("created Kafka topics {} ({} partitions, replication {})", created, partitions, replicas);
        }
        return replicas;
    }

    private static String why(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof TimeoutException || cause.getMessage() == null
                ? "no answer within 30 s" : cause.getMessage();
    }
}
