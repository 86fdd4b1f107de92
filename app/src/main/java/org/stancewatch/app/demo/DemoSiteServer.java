package org.stancewatch.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Serves the demo site locally: each outlet on a port of its own on 127.0.0.1, as its own
 * origin with its own robots.txt, feed and sitemaps. Pages link to the outlet's fictional
 * domain with the local port ({@code http://balticledger.example:41234/...}); the crawler is
 * given {@link #hosts()} to resolve those names to 127.0.0.1, so each outlet keeps its own
 * domain, as real sites have.
 *
 * <p>Articles can be held back and released one by one ({@link #hold}, {@link #release}), so
 * that a benchmark can measure the time from an article's appearance in its feed to its
 * indexing.
 */
public final class DemoSiteServer implements AutoCloseable {
    private final DemoContent content;
    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final java.util.concurrent.ExecutorService handlers = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "demo-site");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, OutletSite.Style> styles = new LinkedHashMap<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    private DemoSiteServer(DemoContent content) {
        this.content = content;
    }

    /** Starts one server per outlet on free loopback ports. */
    public static DemoSiteServer start(DemoContent content) {
        DemoSiteServer site = new DemoSiteServer(content);
        OutletSite.Style[] styles = OutletSite.Style.values();
        for (int i = 0; i < content.outlets().size(); i++) {
            DemoOutlet outlet = content.outlets().get(i);
            site.styles.put(outlet.id(), outlet.style() == null
                    ? styles[i % styles.length]
                    : OutletSite.Style.valueOf(outlet.style().toUpperCase(java.util.Locale.ROOT)));
            site.servers.put(outlet.id(), site.serve(outlet));
        }
        return site;
    }

    public DemoContent content() {
        return content;
    }

    /** The outlet's base URL, e.g. {@code http://balticledger.example:41234}. */
    public String baseUrl(String outletId) {
        return "http://" + outlet(outletId).domain() + ":" + port(outletId);
    }

    /** The same origin by address, for clients that do not resolve the demo's names. */
    public String localUrl(String outletId) {
        return "http://127.0.0.1:" + port(outletId);
    }

    /** The fictional domain names and the address they stand for: 127.0.0.1. */
    public Map<String, String> hosts() {
        Map<String, String> hosts = new LinkedHashMap<>();
        content.outlets().forEach(outlet -> hosts.put(outlet.domain(), "127.0.0.1"));
        return hosts;
    }

    /** Where the crawler should look for the outlet's articles: its feed, or its sitemap. */
    public List<String> feedUrls(String outletId) {
        return site(outletId).feedPath().map(path -> List.of(baseUrl(outletId) + path)).orElse(List.of());
    }

    public List<String> sitemapUrls(String outletId) {
        return List.of(baseUrl(outletId) + site(outletId).sitemapPath());
    }

    /** The URL an article is served at. */
    public String urlOf(DemoArticle article) {
        return baseUrl(article.outletId()) + article.path();
    }

    /** The canonical URL the article's page declares. */
    public String canonicalUrlOf(DemoArticle article) {
        return site(article.outletId()).canonicalUrl(article);
    }

    /** Hides articles from every page, feed and sitemap until released. */
    public void hold(List<DemoArticle> articles) {
        articles.forEach(article -> held.add(article.key()));
    }

    public void release(DemoArticle article) {
        held.remove(article.key());
    }

    @Override
    public void close() {
        servers.values().forEach(server -> server.stop(0));
        handlers.shutdownNow();
    }

    private OutletSite site(String outletId) {
        List<DemoArticle> visible = new ArrayList<>(content.articlesOf(outletId));
        visible.removeIf(article -> held.contains(article.key()));
        return new OutletSite(outlet(outletId), styles.get(outletId), baseUrl(outletId), visible);
    }

    private DemoOutlet outlet(String outletId) {
        return content.outlets().stream().filter(o -> o.id().equals(outletId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo outlet " + outletId));
    }

    private int port(String outletId) {
        return servers.get(outletId).getAddress().getPort();
    }

    private HttpServer serve(DemoOutlet outlet) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
            server.createContext("/", exchange -> respond(exchange, outlet.id()));
            server.setExecutor(handlers);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo site for " + outlet.name(), e);
        }
    }

    private void respond(HttpExchange exchange, String outletId) throws IOException {
        try (exchange) {
            OutletSite site = site(outletId);
            String path = exchange.getRequestURI().getPath();
            String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
            Optional<Page> page = route(site, path, query);
            if (page.isEmpty()) {
                send(exchange, 404, "text/html", "<!DOCTYPE html><html><body><h1>Not found</h1></body></html>");
            } else {
                send(exchange, 200, page.get().contentType(), page.get().body());
            }
        }
    }

    private record Page(String contentType, String body) {
        static Page html(String body) {
            return new Page("text/html; charset=utf-8", body);
        }

        static Page xml(String body) {
            return new Page("application/xml; charset=utf-8", body);
        }
    }

    private static Optional<Page> route(OutletSite site, String path, String query) {
        if (path.equals("/")) {
            return Optional.of(Page.html(site.home()));
        }
        if (path.equals("/robots.txt")) {
            return Optional.of(new Page("text/plain; charset=utf-8", site.robots()));
        }
        if (path.equals("/archive")) {
            int page = query.startsWith("page=") ? Integer.parseInt(query.substring(5).replaceAll("\\D.*", "")) : 1;
            return Optional.of(Page.html(site.archive(Math.max(1, page))));
        }
        if (site.feedPath().filter(path::equals).isPresent()) {
            return Optional.of(Page.xml(site.feed()));
        }
        if (path.equals(site.sitemapPath())) {
            return Optional.of(Page.xml(site.sitemap()));
        }
        if (path.equals("/news-sitemap.xml")) {
            return Optional.of(Page.xml(site.newsSitemap()));
        }
        if (path.matches("/sitemap-\\d{4}\\.xml")) {
            return site.yearSitemap(path.substring(9, 13)).map(Page::xml);
        }
        return site.article(path).map(site::articlePage).map(Page::html);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
