package org.stancewatch.app;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves a Micrometer registry in Prometheus' text format at {@code http://HOST:PORT/metrics},
 * for a Prometheus server (or curl) to scrape.
 */
final class MetricsEndpoint implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;

    private MetricsEndpoint(String address, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + address + ":" + port + " (" + e.getMessage()
                    + "); choose another with --metrics-port or --metrics-address", e);
        }
        server.createContext("/metrics", exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /**
     * Serves on {@code address} (an interface's address or name; 127.0.0.1 keeps the metrics on this
     * machine, 0.0.0.0 opens them to the network, e.g. for Prometheus in another container).
     */
    static MetricsEndpoint start(String address, int port) {
        return new MetricsEndpoint(address, port);
    }

    /** The address the server listens on. */
    InetSocketAddress address() {
        return server.getAddress();
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
