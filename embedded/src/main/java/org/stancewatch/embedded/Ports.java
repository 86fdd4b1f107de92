package org.stancewatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The loopback ports of the embedded services.
 *
 * @param kafka                  Kafka's client port (bootstrap servers)
 * @param kafkaController        the KRaft controller's port
 * @param elasticsearchHttp      Elasticsearch's REST port
 * @param elasticsearchTransport Elasticsearch's node-to-node port
 */
public record Ports(int kafka, int kafkaController, int elasticsearchHttp, int elasticsearchTransport) {
    /** Every embedded service listens on IPv4 loopback only. */
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress() instanceof java.net.Inet4Address v4
            ? v4 : ipv4Loopback();

    /** The usual ports: what {@code KAFKA_BOOTSTRAP_SERVERS} and {@code ELASTICSEARCH_URL} default to. */
    public static Ports defaults() {
        return new Ports(9092, 9093, 9200, 9300);
    }

    /** Ports the operating system says are free now, for tests that must not clash. */
    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort());
    }

    /** Fails with advice if a port is taken. */
    static void checkFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " for the " + what + " is already in use: is another"
                    + " stancewatch or server running? Stop it, or choose other ports (see --help).");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
