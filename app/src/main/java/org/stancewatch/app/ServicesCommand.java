package org.stancewatch.app;

import java.nio.file.Path;
import org.stancewatch.embedded.EmbeddedElasticsearch;
import org.stancewatch.embedded.EmbeddedKafka;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.Ports;
import org.stancewatch.embedded.ProcessMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch services}: the embedded Kafka and Elasticsearch, until Ctrl-C. */
@Command(name = "services",
        mixinStandardHelpOptions = true,
        header = "Runs the embedded Kafka broker and Elasticsearch node until Ctrl-C.",
        description = {
            "Starts a real Kafka broker and a real Elasticsearch node, each in a JVM of its own, with "
                    + "their data under STANCEWATCH_HOME (default ./data), kept across restarts. Prints their "
                    + "addresses, start-up times and memory, and stays up until Ctrl-C. The servers stop with "
                    + "this command, however it stops."
        })
final class ServicesCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--home", paramLabel = "DIR",
            description = "data folder (default: STANCEWATCH_HOME or ./data)")
    Path home = Path.of(Environment.STANCEWATCH_HOME.value());

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka client port (default: ${DEFAULT-VALUE})")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", paramLabel = "PORT", defaultValue = "9093",
            description = "KRaft controller port (default: ${DEFAULT-VALUE})")
    int kafkaControllerPort;

    @Option(names = "--elasticsearch-port", paramLabel = "PORT", defaultValue = "9200",
            description = "Elasticsearch HTTP port (default: ${DEFAULT-VALUE})")
    int elasticsearchPort;

    @Option(names = "--elasticsearch-transport-port", paramLabel = "PORT", defaultValue = "9300",
            description = "Elasticsearch transport port (default: ${DEFAULT-VALUE})")
    int elasticsearchTransportPort;

    @Override
    public Integer call() throws InterruptedException {
        Ports ports = new Ports(kafkaPort, kafkaControllerPort, elasticsearchPort, elasticsearchTransportPort);
        System.out.println("Starting Kafka and Elasticsearch under " + home.toAbsolutePath() + " ...");
        EmbeddedServices services = new EmbeddedServices(home, ports);
        StopSignal stop = StopSignal.onShutdown("services", () -> {
            System.out.println("Stopping Kafka and Elasticsearch ...");
            services.close();
        });
        services.startAll();
        print(services.kafka(), services.elasticsearch());
        stop.await();
        return 0;
    }

    private static void print(EmbeddedKafka kafka, EmbeddedElasticsearch elasticsearch) {
        System.out.printf("""

                Kafka          %s   ready in %.1f s, %s resident (pid %d, log %s)
                Elasticsearch  %s   ready in %.1f s, %s resident (pid %d, log %s)

                In another terminal:
                  export KAFKA_BOOTSTRAP_SERVERS=%s
                  export ELASTICSEARCH_URL=%s

                Press Ctrl-C to stop.
                """,
                kafka.bootstrapServers(), kafka.startupTime().toMillis() / 1000.0,
                ProcessMemory.describe(kafka.pid()), kafka.pid(), kafka.logFile(),
                elasticsearch.url(), elasticsearch.startupTime().toMillis() / 1000.0,
                ProcessMemory.describe(elasticsearch.pid()), elasticsearch.pid(), elasticsearch.logFile(),
                kafka.bootstrapServers(), elasticsearch.url());
    }
}
