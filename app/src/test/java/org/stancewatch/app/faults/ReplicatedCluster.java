package org.stancewatch.app.faults;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.LoggerFactory;

/**
 * Three brokers and a controller of Kafka's own test kit, in this JVM, replicated as a production
 * cluster would be: every topic, the offsets topic and the transaction state log three times,
 * with at least two replicas in sync for a write. One broker may be lost without stopping writes.
 *
 * <p>Controlled shutdown is off, so {@link #stopBroker} is as close to a crash as an in-process
 * broker gets: it hands over none of its leaderships; the controller only takes them away once
 * the broker's heartbeats have stopped for the session timeout.
 */
final class ReplicatedCluster implements AutoCloseable {
    static final int BROKERS = 3;
    static final short REPLICAS = 3;
    static final int MIN_IN_SYNC = 2;

    private final KafkaClusterTestKit cluster;
    private final Admin admin;

    private ReplicatedCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    static ReplicatedCluster start(Path folder) throws Exception {
        // the in-process servers' INFO lines would bury the test's own
        for (String server : List.of("kafka", "state.change.logger")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(server)).setLevel(Level.WARN);
        }
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setNumBrokerNodes(BROKERS)
                .setNumControllerNodes(1)
                .setCombined(false)
                .setBaseDirectory(folder)
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("min.insync.replicas", Integer.toString(MIN_IN_SYNC))
                .setConfigProp("offsets.topic.replication.factor", Short.toString(REPLICAS))
                .setConfigProp("transaction.state.log.replication.factor", Short.toString(REPLICAS))
                .setConfigProp("transaction.state.log.min.isr", Integer.toString(MIN_IN_SYNC))
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("controlled.shutdown.enable", "false")
                // fewer internal partitions than the default 50: less to elect on this small machine
                .setConfigProp("offsets.topic.num.partitions", "6")
                .setConfigProp("transaction.state.log.num.partitions", "6")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new ReplicatedCluster(cluster);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    Admin admin() {
        return admin;
    }

    /** The broker that leads most partitions of these topics: the one whose loss hurts most. */
    int busiestLeader(Collection<String> topics) throws Exception {
        Map<Integer, Integer> led = new HashMap<>();
        for (TopicDescription topic : describe(topics)) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                if (partition.leader() != null) {
                    led.merge(partition.leader().id(), 1, Integer::sum);
                }
            }
        }
        return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Stops a broker without a controlled shutdown (see the class comment). */
    void stopBroker(int id) {
        BrokerServer broker = cluster.brokers().get(id);
        broker.shutdown();
        broker.awaitShutdown();
    }

    void startBroker(int id) {
        cluster.brokers().get(id).startup();
    }

    /**
     * Waits until these topics have a leader for every partition and their configuration can be
     * read: a request in the moment after creation may reach a broker the topic has not reached.
     */
    void awaitReady(Collection<String> topics, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allLed(admin, topics) || !configsKnown(topics)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " not ready within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private boolean configsKnown(Collection<String> topics) throws InterruptedException {
        try {
            admin.describeConfigs(topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList())
                    .all().get(30, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
            return false;
        }
    }

    private static boolean allLed(Admin admin, Collection<String> topics) throws InterruptedException {
        try {
            return admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                    .allMatch(topic -> topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
            return false;
        }
    }

    /** Waits until every partition of these topics has all its replicas in sync again. */
    void awaitFullyReplicated(Collection<String> topics, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (underReplicated(topics) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(underReplicated(topics) + " partitions still under-replicated after "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    private int underReplicated(Collection<String> topics) throws Exception {
        int count = 0;
        for (TopicDescription topic : describe(topics)) {
            count += (int) topic.partitions().stream().filter(p -> p.isr().size() < p.replicas().size()).count();
        }
        return count;
    }

    /** The topics among these that exist, described. */
    private Collection<TopicDescription> describe(Collection<String> topics) throws Exception {
        Set<String> existing = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                .get(30, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        return admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS).values();
    }

    @Override
    public void close() throws Exception {
        admin.close(Duration.ofSeconds(5));
        cluster.close();
    }
}
