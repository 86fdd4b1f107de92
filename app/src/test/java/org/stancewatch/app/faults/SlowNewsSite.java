package org.stancewatch.app.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A news site of many generated articles on 127.0.0.1, listed in one sitemap, each article page
 * answered only after a delay, as a distant server would. Its host name, {@link #HOST}, stands
 * for 127.0.0.1 in the crawler's resolver. Each article's text is drawn from its own seed, so no
 * two look alike to the crawler's near-duplicate check.
 */
final class SlowNewsSite implements AutoCloseable {
    static final String HOST = "slownews.example";
    private static final Instant FIRST_PUBLISHED = Instant.parse("2011-03-01T08:00:00Z");
    private static final List<String> WORDS = List.of(
            "the", "minister", "said", "talks", "in", "Moscow", "would", "resume", "after", "a", "pause", "of",
            "several", "weeks", "while", "officials", "in", "Brussels", "welcomed", "progress", "on", "trade",
            "energy", "prices", "rose", "again", "as", "the", "pipeline", "dispute", "continued", "and", "NATO",
            "planners", "warned", "of", "tension", "along", "the", "border", "where", "farmers", "reported",
            "good", "harvests", "despite", "rain", "parliament", "debated", "a", "budget", "for", "schools",
            "roads", "and", "hospitals", "analysts", "expect", "growth", "to", "slow", "next", "year", "Washington",
            "criticized", "the", "decision", "but", "agreed", "to", "further", "meetings", "with", "envoys");

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final int articles;
    private final Duration delay;
    private final AtomicInteger articlesServed = new AtomicInteger();

    private SlowNewsSite(int articles, Duration delay) throws IOException {
        this.articles = articles;
        this.delay = delay;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::respond);
        server.setExecutor(handlers);
        server.start();
    }

    static SlowNewsSite start(int articles, Duration delay) throws IOException {
        return new SlowNewsSite(articles, delay);
    }

    String baseUrl() {
        return "http://" + HOST + ":" + server.getAddress().getPort();
    }

    List<String> articleUrls() {
        return IntStream.range(0, articles).mapToObj(this::urlOf).toList();
    }

    /** Article pages answered so far. */
    int articlesServed() {
        return articlesServed.get();
    }

    /** The crawler's sources file for this site: one source, found through its sitemap. */
    String sourcesYaml() {
        return """
                crawler:
                  userAgent: "stancewatch-fault-test/1.0"
                  parallelSources: 1
                  revisitFor: 0s
                defaults:
                  interval: 1h
                  rate: 100
                  maxArticlesPerRun: 1000
                sources:
                  - id: slow-news
                    name: Slow News
                    home: %1$s/
                    sitemaps: [%1$s/sitemap.xml]
                    allowPrivateAddresses: true
                """.formatted(baseUrl());
    }

    private String urlOf(int article) {
        return baseUrl() + "/news/story-" + article + ".html";
    }

    private void respond(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                send(exchange, 200, "text/plain", "User-agent: *\nAllow: /\n");
            } else if (path.equals("/sitemap.xml")) {
                send(exchange, 200, "application/xml", sitemap());
            } else if (path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><body><h1>Slow News</h1></body></html>");
            } else if (path.matches("/news/story-\\d+\\.html")) {
                int article = Integer.parseInt(path.replaceAll("\\D", ""));
                if (article >= articles) {
                    send(exchange, 404, "text/html", "<html><body>not found</body></html>");
                    return;
                }
                Thread.sleep(delay.toMillis());
                send(exchange, 200, "text/html; charset=utf-8", page(article));
                articlesServed.incrementAndGet();
            } else {
                send(exchange, 404, "text/html", "<html><body>not found</body></html>");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String sitemap() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + IntStream.range(0, articles)
                        .mapToObj(a -> "<url><loc>" + urlOf(a) + "</loc><lastmod>" + published(a) + "</lastmod></url>")
                        .collect(Collectors.joining("\n"))
                + "\n</urlset>\n";
    }

    private static Instant published(int article) {
        return FIRST_PUBLISHED.plus(Duration.ofHours(6L * article));
    }

    private String page(int article) {
        Random words = new Random(article);
        StringBuilder body = new StringBuilder();
        for (int paragraph = 0; paragraph < 5; paragraph++) {
            body.append("<p>");
            for (int sentence = 0; sentence < 3; sentence++) {
                String text = IntStream.range(0, 10 + words.nextInt(8)).mapToObj(i -> WORDS.get(words.nextInt(WORDS.size())))
                        .collect(Collectors.joining(" "));
                body.append(Character.toUpperCase(text.charAt(0))).append(text.substring(1)).append(". ");
            }
            body.append("</p>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Story %1$d of Slow News</title>
                <link rel="canonical" href="%2$s">
                <meta property="article:published_time" content="%3$s">
                </head><body><article><h1>Story %1$d of Slow News</h1>
                %4$s</article></body></html>
                """.formatted(article, urlOf(article), published(article), body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
