package org.stancewatch.ingest.testsite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.ingest.source.Sources;
import org.stancewatch.ingest.source.SourcesFile;

/**
 * The fixture news site: an in-process HTTP server on 127.0.0.1 that serves several outlets by
 * host name ({@code wire.test}, {@code herald.test}, {@code gazette.test}, and {@code bad.test}
 * for misbehaviour). Files come from {@code src/test/resources/site/<host>/}, with ETags and
 * conditional requests, gzip when asked; routes ({@link Routes}) override paths. Every request
 * is logged for assertions. {@link #resolver()} maps every {@code .test} name to 127.0.0.1.
 */
public final class FixtureServer implements AutoCloseable {
    /** A request the server saw; {@code from} is its From header, or null. */
    public record Request(String host, String path, String ifNoneMatch, String userAgent, Instant at, int status,
                          String from) {}

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, byte[]> overrides = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::dispatch);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /**
     * The fixture news site: the files under {@code site/}, plus the herald's pages that fail
     * (a 410, a 500; its missing page is a plain 404).
     */
    public static FixtureServer newsSite() throws IOException {
        FixtureServer server = new FixtureServer();
        server.route("herald.test", "/2011/03/18/gone/", new Routes.Status(410));
        server.route("herald.test", "/2011/04/03/broken/", new Routes.Status(500));
        return server;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port/path} on this server. */
    public URI url(String host, String path) {
        return URI.create("http://" + host + ":" + port() + path);
    }

    /** Names ending in {@code .test} resolve to 127.0.0.1; anything else as the system resolves it. */
    public static HostResolver resolver() {
        return host -> host.toLowerCase(Locale.ROOT).endsWith(".test")
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})}
                : systemResolve(host);
    }

    private static InetAddress[] systemResolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }

    public void route(String host, String path, Route route) {
        routes.put(host + path, route);
    }

    /** Replaces a file's content (an article revised by its publisher). */
    public void replace(String host, String path, String content) {
        overrides.put(host + path, content.getBytes(StandardCharsets.UTF_8));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String host, String path) {
        return requests.stream().filter(r -> r.host().equals(host) && r.path().equals(path)).toList();
    }

    public void clearLog() {
        synchronized (requests) {
            requests.clear();
        }
    }

    /** The fixture sources file with this server's port filled in. */
    public Sources sources() throws IOException {
        try (InputStream in = FixtureServer.class.getResourceAsStream("/site/sources.yml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${port}", Integer.toString(port()));
            return SourcesFile.parse("fixture sources.yml", yaml.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String hostHeader = exchange.getRequestHeaders().getFirst("Host");
        String host = hostHeader == null ? "" : hostHeader.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String full = query == null ? path : path + "?" + query;
        int[] status = {0};
        Request arrival = new Request(host, full, exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("User-Agent"), Instant.now(), 0,
                exchange.getRequestHeaders().getFirst("From"));
        int index;
        synchronized (requests) { // logged on arrival, so a test never misses a request its client saw answered
            requests.add(arrival);
            index = requests.size() - 1;
        }
        try {
            Route route = routes.getOrDefault(host + full, routes.get(host + path));
            if (route != null) {
                route.handle(exchange);
                status[0] = exchange.getResponseCode();
            } else {
                status[0] = serveFile(exchange, host, path);
            }
        } finally {
            synchronized (requests) {
                if (index < requests.size() && requests.get(index) == arrival) {
                    requests.set(index, new Request(host, full, arrival.ifNoneMatch(), arrival.userAgent(), arrival.at(),
                            status[0], arrival.from()));
                }
            }
            exchange.close();
        }
    }

    private int serveFile(HttpExchange exchange, String host, String path) throws IOException {
        String file = path.endsWith("/") ? path + "index.html" : path;
        if (!file.contains(".") && FixtureServer.class.getResource("/site/" + host + file + "/index.html") != null) {
            file = file + "/index.html"; // a page at an extensionless URL
        }
        byte[] body = overrides.get(host + path);
        if (body == null) {
            try (InputStream in = FixtureServer.class.getResourceAsStream("/site/" + host + file)) {
                if (in == null) {
                    Routes.send(exchange, 404, "text/html; charset=utf-8", "<html><body>not found</body></html>".getBytes());
                    return 404;
                }
                body = in.readAllBytes();
            }
        }
        String type = contentType(file);
        if (!type.startsWith("application/pdf") && !type.startsWith("application/gzip")) {
            body = new String(body, StandardCharsets.UTF_8).replace("${port}", Integer.toString(port()))
                    .getBytes(StandardCharsets.UTF_8);
        }
        String etag = "\"" + hash(body) + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Last-Modified", "Tue, 17 May 2011 10:00:00 GMT");
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return 304;
        }
        String acceptEncoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (type.startsWith("text/html") && acceptEncoding != null && acceptEncoding.contains("gzip")) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                gzip.write(body);
            }
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            body = compressed.toByteArray();
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return 200;
    }

    private static String contentType(String file) {
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (file.endsWith(".rss")) {
            return "application/rss+xml; charset=utf-8";
        }
        if (file.endsWith(".atom")) {
            return "application/atom+xml";
        }
        if (file.endsWith(".xml")) {
            return "application/xml";
        }
        if (file.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (file.endsWith(".gz")) {
            return "application/gzip";
        }
        return "text/plain; charset=utf-8";
    }

    private static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
