package org.stancewatch.ingest.testsite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that writes raw bytes, for the misbehaviour an HTTP server library will
 * not produce: a status line and headers streamed without end, or dripped slowly. Each
 * connection's request is read up to its blank line, then the {@link Answer} writes whatever it
 * likes; a client that hangs up ends it.
 */
public final class RawHttpServer implements AutoCloseable {
    /** What the server writes to one connection once the request is read. */
    @FunctionalInterface
    public interface Answer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger requests = new AtomicInteger();

    public RawHttpServer(Answer answer) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("raw-http-accept").start(() -> accept(answer));
    }

    /** {@code http://host:port/path} on this server (resolve {@code .test} names with {@link FixtureServer#resolver()}). */
    public URI url(String host, String path) {
        return URI.create("http://" + host + ":" + socket.getLocalPort() + path);
    }

    /** Requests read so far. */
    public int requests() {
        return requests.get();
    }

    private void accept(Answer answer) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.submit(() -> serve(connection, answer));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection, Answer answer) {
        try (connection) {
            var in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // the request's head: read and ignored
            }
            requests.incrementAndGet();
            answer.write(connection.getOutputStream());
        } catch (IOException e) {
            // the client hung up, as it should
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }
}
