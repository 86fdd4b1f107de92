package org.stancewatch.notify.channel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Serves an {@link AtomFeedChannel}'s file at {@code http://ADDRESS:PORT/alerts.atom} as
 * {@code application/atom+xml}, so a feed reader can subscribe. Read-only: GET and HEAD of that
 * one path; every request reads the file as it is now.
 */
public final class FeedServer implements AutoCloseable {
    /** The path the feed is served at. */
    public static final String PATH = "/alerts.atom";
    public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";

    private final HttpServer server;
    private final Path file;

    private FeedServer(Path file, String address, int port) {
        this.file = file;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the feed on " + address + ":" + port + " (" + e.getMessage()
                    + "); choose another port or address", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Serves {@code file} on {@code address} ({@code 127.0.0.1} keeps it on this machine; {@code
     * 0.0.0.0} opens it to the network) and {@code port} (0: any free port).
     */
    public static FeedServer start(Path file, String address, int port) {
        return new FeedServer(file, address, port);
    }

    /** The feed's URL, e.g. {@code http://127.0.0.1:8095/alerts.atom}. */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + PATH);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                answer(exchange, 404, "text/plain; charset=utf-8", ("the feed is at " + PATH + "\n").getBytes());
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                answer(exchange, 405, "text/plain; charset=utf-8", "read-only\n".getBytes());
                return;
            }
            byte[] feed;
            try {
                feed = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                answer(exchange, 404, "text/plain; charset=utf-8", "no notices yet\n".getBytes());
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            answer(exchange, 200, CONTENT_TYPE, method.equals("HEAD") ? null : feed);
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
