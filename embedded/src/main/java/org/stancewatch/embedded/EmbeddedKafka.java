package org.stancewatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster: one KRaft process that is both broker and controller, run
 * from Kafka's own server jars ({@code kafka.Kafka}) in a JVM of its own.
 *
 * <p>Under its home folder: {@code server.properties} (written at each start), {@code data/}
 * (the log dirs, formatted once, so data survives restarts) and {@code broker.log}.
 */
public final class EmbeddedKafka extends EmbeddedServer {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    /**
     * @param home           folder for data, configuration and log
     * @param port           client port
     * @param controllerPort KRaft controller port
     * @param heap           maximum heap of the broker JVM, e.g. {@code 512m}
     * @param startTimeout   how long to wait for the broker to answer
     */
    public record Settings(Path home, int port, int controllerPort, String heap, Duration startTimeout) {
        public Settings(Path home, int port, int controllerPort) {
            this(home, port, controllerPort, "512m", Duration.ofSeconds(90));
        }
    }

    private final Settings broker;

    private EmbeddedKafka(Settings broker, Launched launched) {
        super(broker.home(), launched);
        this.broker = broker;
    }

    /** Formats the storage if it is new, starts the broker and waits until it answers. */
    public static EmbeddedKafka start(Settings broker) {
        long started = System.nanoTime();
        Ports.checkFree(broker.port(), "Kafka broker");
        Ports.checkFree(broker.controllerPort(), "Kafka controller");
        List<Path> jars = ServerJars.load(ServerJars.KAFKA);
        Path properties = writeProperties(broker);
        Path data = broker.home().resolve("data");
        if (!Files.exists(data.resolve("meta.properties"))) {
            log.info("Formatting new Kafka storage in {}", data);
            ChildJvm.run(spec(broker, jars, "kafka.tools.StorageTool",
                    List.of("format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString())),
                    Duration.ofSeconds(60));
        }
        return new EmbeddedKafka(broker, launch(spec(broker, jars, "kafka.Kafka", List.of(properties.toString())),
                jvm -> awaitReady(broker, jvm), started, bootstrapServers(broker)));
    }

    public String bootstrapServers() {
        return bootstrapServers(broker);
    }

    private static String bootstrapServers(Settings broker) {
        return "127.0.0.1:" + broker.port();
    }

    private static Path logFile(Settings broker) {
        return broker.home().resolve("broker.log");
    }

    private static ChildJvm.Spec spec(Settings broker, List<Path> jars, String mainClass, List<String> args) {
        return new ChildJvm.Spec("Kafka broker", jars, List.of(), mainClass,
                List.of("-Xmx" + broker.heap(), "-Xms128m", "-XX:+UseSerialGC",
                        "-Dorg.slf4j.simpleLogger.showDateTime=true",
                        "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                        "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.storage.internals.log=warn"),
                args, logFile(broker));
    }

    /**
     * The broker's configuration: one node, loopback only, single-replica internal topics
     * (transactions need this, or exactly-once clients wait forever) and no retention limit,
     * because records carry their articles' publication times, which may be years old.
     */
    private static Path writeProperties(Settings broker) {
        String host = "127.0.0.1";
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@" + host + ":" + broker.controllerPort());
        settings.put("listeners", "PLAINTEXT://" + host + ":" + broker.port() + ",CONTROLLER://" + host + ":"
                + broker.controllerPort());
        settings.put("advertised.listeners", "PLAINTEXT://" + host + ":" + broker.port());
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", broker.home().resolve("data").toAbsolutePath().toString());
        settings.put("num.partitions", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "10");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "10");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("log.retention.ms", "-1");
        Properties properties = new Properties();
        properties.putAll(settings);
        try {
            Files.createDirectories(broker.home());
            Path file = broker.home().resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "written by stancewatch at each start; edits are overwritten");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka configuration under " + broker.home(), e);
        }
    }

    /** Waits for the port to open (quietly), then for the cluster to list its broker. */
    private static void awaitReady(Settings broker, ChildJvm jvm) {
        long deadline = System.nanoTime() + broker.startTimeout().toNanos();
        while (!accepts(broker.port())) {
            jvm.checkAlive();
            jvm.checkBefore(deadline, broker.startTimeout(), "Kafka did not open port " + broker.port());
            ChildJvm.pause(100);
        }
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(broker),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                jvm.checkAlive();
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // the broker is still registering with its controller
                }
                jvm.checkBefore(deadline, broker.startTimeout(), "Kafka did not become ready");
                ChildJvm.pause(200);
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.LOOPBACK, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
