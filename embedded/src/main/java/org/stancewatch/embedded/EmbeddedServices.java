package org.stancewatch.embedded;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded Kafka broker and Elasticsearch node under one home folder ({@code
 * STANCEWATCH_HOME}): {@code kafka/} and {@code elasticsearch/}. Each starts on first use, or
 * both at once with {@link #startAll()}; data stays in the home folder across restarts.
 */
public final class EmbeddedServices implements AutoCloseable {
    private final Path home;
    private final Ports ports;
    private EmbeddedKafka kafka;
    private EmbeddedElasticsearch elasticsearch;
    private final Object kafkaLock = new Object();
    private final Object elasticsearchLock = new Object();

    public EmbeddedServices(Path home, Ports ports) {
        this.home = home.toAbsolutePath();
        this.ports = ports;
    }

    public Path home() {
        return home;
    }

    /** The broker, started on first call. */
    public EmbeddedKafka kafka() {
        synchronized (kafkaLock) {
            if (kafka == null) {
                kafka = EmbeddedKafka.start(
                        new EmbeddedKafka.Settings(home.resolve("kafka"), ports.kafka(), ports.kafkaController()));
            }
            return kafka;
        }
    }

    /** The node, started on first call. */
    public EmbeddedElasticsearch elasticsearch() {
        synchronized (elasticsearchLock) {
            if (elasticsearch == null) {
                elasticsearch = EmbeddedElasticsearch.start(new EmbeddedElasticsearch.Settings(
                        home.resolve("elasticsearch"), ports.elasticsearchHttp(), ports.elasticsearchTransport()));
            }
            return elasticsearch;
        }
    }

    /** Starts both side by side (their start-ups mostly wait on their own JVMs). */
    public void startAll() {
        CompletableFuture<EmbeddedElasticsearch> node = CompletableFuture.supplyAsync(this::elasticsearch);
        try {
            kafka();
            node.join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            node.handle((ignored, error) -> null).join();
            close();
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    public String elasticsearchUrl() {
        return elasticsearch().url();
    }

    /** Stops whatever was started, both at once. */
    @Override
    public void close() {
        CompletableFuture<Void> node;
        synchronized (elasticsearchLock) {
            EmbeddedElasticsearch started = elasticsearch;
            elasticsearch = null;
            node = started == null ? CompletableFuture.completedFuture(null) : CompletableFuture.runAsync(started::close);
        }
        synchronized (kafkaLock) {
            if (kafka != null) {
                kafka.close();
                kafka = null;
            }
        }
        node.join();
    }
}
