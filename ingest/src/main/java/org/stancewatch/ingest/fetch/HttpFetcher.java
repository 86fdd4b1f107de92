package org.stancewatch.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.stancewatch.ingest.block.Block;
import org.stancewatch.ingest.block.BlockDetector;
import org.stancewatch.ingest.source.CrawlSettings;

/**
 * The crawler's one HTTP client (Apache HttpClient 5), with everything a polite and safe crawler
 * needs around it:
 *
 * <ul>
 *   <li>only http and https; redirects followed here, not by the client, so that every hop is
 *       checked again (scheme, SSRF guard, robots.txt, politeness) up to a limit, with loops
 *       detected;</li>
 *   <li>the SSRF guard inside name resolution ({@link GuardedDnsResolver}), so the addresses
 *       checked are the ones connected to, whatever form the URL used; and on every hop only
 *       the ports and private origins of the request's {@link FetchScope};</li>
 *   <li>connect and read timeouts, and a deadline for the whole response that aborts a server
 *       dripping bytes, in its headers or its body;</li>
 *   <li>limits on the response head ({@link #MAX_HEADER_LINE} bytes a line, {@link
 *       #MAX_HEADER_COUNT} headers), so a server streaming headers without end fails at once
 *       with {@link FetchFailure#HEADERS_TOO_LARGE} instead of filling the heap until the
 *       deadline;</li>
 *   <li>gzip and deflate bodies, with the size limit applied on the wire and again as the body
 *       inflates;</li>
 *   <li>conditional requests (If-None-Match, If-Modified-Since);</li>
 *   <li>per-host politeness ({@link Politeness}) and back-off on 429 and 503 honouring
 *       Retry-After: short waits are waited out, long ones fail with {@link
 *       FetchFailure#RATE_LIMITED} and keep the host backed off;</li>
 *   <li>bot challenges and consent walls ({@link BlockDetector}) fail as {@link
 *       FetchFailure#BOT_CHALLENGE} and {@link FetchFailure#CONSENT_WALL}, whatever their status,
 *       so that such a page is never read as content, nor a challenge's 503 waited out as a
 *       back-off.</li>
 * </ul>
 */
public final class HttpFetcher implements AutoCloseable {
    private static final int MAX_RATE_LIMIT_RETRIES = 2;
    private static final Duration DEFAULT_BACK_OFF = Duration.ofSeconds(30);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /**
     * The longest status line, header line or chunk-size line read. Set here rather than left to
     * the library's default (none before HttpCore 5.3, 8 KiB since), and above 8 KiB because news
     * sites send long Content-Security-Policy and Set-Cookie headers.
     */
    static final int MAX_HEADER_LINE = 16 * 1024;
    /** The most header lines read; sites send a few dozen. */
    static final int MAX_HEADER_COUNT = 200;
    /** How much of a refusal's body is read to tell a challenge from a plain error. */
    static final int REFUSAL_BYTES = 64 * 1024;

    private final CrawlSettings settings;
    private final Politeness politeness;
    private final GuardedDnsResolver guardedResolver;
    private final CloseableHttpClient guarded;
    private final CloseableHttpClient unguarded;
    private final ScheduledExecutorService deadlines;

    public HttpFetcher(CrawlSettings settings, HostResolver resolver, Politeness politeness) {
        this.settings = settings;
        this.politeness = politeness;
        this.guardedResolver = new GuardedDnsResolver(resolver, false);
        this.guarded = client(settings, guardedResolver);
        this.unguarded = client(settings, new GuardedDnsResolver(resolver, true));
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "fetch-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static CloseableHttpClient client(CrawlSettings settings, GuardedDnsResolver resolver) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom()
                                .setMaxLineLength(MAX_HEADER_LINE)
                                .setMaxHeaderCount(MAX_HEADER_COUNT)
                                .build())
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(1) // one connection per host
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableContentCompression() // decompressed here, within the size limit
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(settings.userAgent())
                // the operator's address, for the site to reach us (RFC 9110 10.1.2), not in the User-Agent
                .setDefaultHeaders(settings.from().isEmpty() ? List.of()
                        : List.of(new BasicHeader("From", settings.from())))
                .build();
    }

    public CrawlSettings settings() {
        return settings;
    }

    /**
     * Checks a URL's scheme, its port and, unless its origin may be private, the addresses its
     * host resolves to, without fetching: lets a caller refuse a hop with the right reason
     * before it asks anything else of the host (its robots.txt, say). The fetch checks the
     * addresses again as it connects.
     */
    public void checkAllowed(URI url, FetchScope scope) throws FetchException {
        checkUrl(url, scope);
        if (scope.allowsPrivate(url)) {
            return;
        }
        try {
            guardedResolver.resolve(url.getHost());
        } catch (BlockedAddressException e) {
            throw new FetchException(FetchFailure.BLOCKED_ADDRESS, url, e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchFailure.DNS_FAILURE, url, "cannot resolve " + url.getHost(), e);
        }
    }

    /** A request with the crawler's default limits. */
    public FetchRequest request(URI url, FetchScope scope, String accept, FetchRequest.HopPolicy hopPolicy) {
        return new FetchRequest(url, scope, null, null, accept, settings.maxBodyBytes(), false, hopPolicy);
    }

    /**
     * Fetches, following redirects.
     *
     * @return a 2xx response with its body, or a 304 for a conditional request whose copy is current
     * @throws FetchException for anything else, with the reason
     * @throws InterruptedException when the crawler is stopping
     */
    public FetchResponse fetch(FetchRequest request) throws FetchException, InterruptedException {
        URI url = request.url();
        List<URI> redirects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int rateLimitRetries = 0;
        while (true) {
            checkUrl(url, request.scope());
            if (!seen.add(url.toString()) && rateLimitRetries == 0) {
                throw new FetchException(FetchFailure.REDIRECT_LOOP, url,
                        "redirect loop: " + url + " was already visited (" + redirects.size() + " redirects)");
            }
            Duration delay = request.hopPolicy().beforeHop(url);
            Hop hop = exchange(request, url, delay, redirects.isEmpty());
            if (hop.redirect() != null) {
                if (redirects.size() >= settings.maxRedirects()) {
                    throw new FetchException(FetchFailure.TOO_MANY_REDIRECTS, url,
                            "more than " + settings.maxRedirects() + " redirects");
                }
                redirects.add(hop.redirect());
                url = hop.redirect();
                rateLimitRetries = 0;
                continue;
            }
            if (hop.retryAfter() != null) {
                if (++rateLimitRetries > MAX_RATE_LIMIT_RETRIES || hop.retryAfter().compareTo(settings.maxRetryAfter()) > 0) {
                    throw new FetchException(FetchFailure.RATE_LIMITED, url, "the server asks to wait "
                            + hop.retryAfter().toSeconds() + " s (status " + hop.status() + ")", hop.status(),
                            hop.retryAfter(), null);
                }
                continue; // the politeness gate waits out the back-off
            }
            FetchResponse response = hop.response();
            return new FetchResponse(request.url(), url, response.status(), response.contentType(), response.etag(),
                    response.lastModified(), response.body(), response.truncated(), redirects, response.fetchedAt());
        }
    }

    /** One request's outcome: a response, a redirect to follow, or a back-off to wait out. */
    private record Hop(FetchResponse response, URI redirect, Duration retryAfter, int status) {}

    private Hop exchange(FetchRequest request, URI url, Duration delay, boolean first)
            throws FetchException, InterruptedException {
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", request.accept());
        get.setHeader("Accept-Encoding", "gzip, deflate");
        if (first && request.etag() != null) {
            get.setHeader("If-None-Match", request.etag());
        }
        if (first && request.lastModified() != null) {
            get.setHeader("If-Modified-Since", request.lastModified());
        }
        CloseableHttpClient client = request.allowsPrivate(url) ? unguarded : guarded;
        AtomicBoolean timedOut = new AtomicBoolean();
        try (Politeness.Permit permit = politeness.acquire(url.getHost(), delay)) {
            ScheduledFuture<?> deadline = deadlines.schedule(() -> {
                timedOut.set(true);
                get.cancel();
            }, settings.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS);
            try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
                return handle(request, url, response);
            } finally {
                deadline.cancel(false);
            }
        } catch (IOException e) {
            throw translate(e, url, timedOut.get());
        }
    }

    private Hop handle(FetchRequest request, URI url, ClassicHttpResponse response) throws IOException, FetchException {
        int status = response.getCode();
        if (REDIRECTS.contains(status)) {
            URI target = redirectTarget(url, header(response, "Location"), status);
            Optional<Block> wall = BlockDetector.consentRedirect(target);
            if (wall.isPresent()) {
                throw blocked(wall.get(), url, status);
            }
            return new Hop(null, target, null, status);
        }
        if (status >= 400) {
            // a challenge often comes as 403 or 503: it is no back-off to wait out, and no plain error
            Optional<Block> block = refusalBlock(request, url, response);
            if (block.isPresent()) {
                throw blocked(block.get(), url, status);
            }
        }
        if (status == 429 || status == 503) {
            Duration wait = RetryAfter.parse(header(response, "Retry-After"), Instant.now()).orElse(DEFAULT_BACK_OFF);
            politeness.backOff(url.getHost(), Instant.now().plus(wait));
            return new Hop(null, null, wait, status);
        }
        if (status == 304) {
            return new Hop(response(url, response, 304, new BodyReader.Body(new byte[0], false)), null, null, status);
        }
        if (status < 200 || status >= 300) {
            throw new FetchException(FetchFailure.HTTP_STATUS, url, "HTTP " + status + " " + response.getReasonPhrase(),
                    status, null, null);
        }
        HttpEntity entity = response.getEntity();
        long declared = entity == null ? 0 : entity.getContentLength();
        if (declared > request.maxBytes() && !request.truncate()
                && header(response, "Content-Encoding") == null) {
            throw new FetchException(FetchFailure.TOO_LARGE, url, "the body is " + declared
                    + " bytes, more than the limit of " + request.maxBytes());
        }
        BodyReader.Body body = new BodyReader.Body(new byte[0], false);
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                body = BodyReader.read(in, header(response, "Content-Encoding"), request.maxBytes(), request.truncate());
            }
        }
        Optional<Block> block = BlockDetector.inspect(new BlockDetector.Response(request.url(), url, status,
                headers(response), header(response, "Content-Type"), body.bytes()));
        if (block.isPresent()) {
            throw blocked(block.get(), url, status);
        }
        return new Hop(response(url, response, status, body), null, null, status);
    }

    /** The block a refusal is, judged on its headers and the head of its body. */
    private static Optional<Block> refusalBlock(FetchRequest request, URI url, ClassicHttpResponse response)
            throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] head = new byte[0];
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                head = BodyReader.read(in, header(response, "Content-Encoding"), REFUSAL_BYTES, true).bytes();
            } catch (BodyReader.BadEncoding e) {
                // judged on the headers alone
            }
        }
        return BlockDetector.inspect(new BlockDetector.Response(request.url(), url, response.getCode(),
                headers(response), header(response, "Content-Type"), head));
    }

    private static FetchException blocked(Block block, URI url, int status) {
        FetchFailure failure = block.kind() == Block.Kind.BOT_CHALLENGE ? FetchFailure.BOT_CHALLENGE
                : FetchFailure.CONSENT_WALL;
        return new FetchException(failure, url, "the site answered " + block.describe() + " instead of the page",
                status, null, null);
    }

    private static Map<String, List<String>> headers(ClassicHttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return headers;
    }

    private static FetchResponse response(URI url, ClassicHttpResponse response, int status, BodyReader.Body body) {
        return new FetchResponse(url, url, status, header(response, "Content-Type"), header(response, "ETag"),
                header(response, "Last-Modified"), body.bytes(), body.truncated(), List.of(), Instant.now());
    }

    private static URI redirectTarget(URI from, String location, int status) throws FetchException {
        if (location == null || location.isBlank()) {
            throw new FetchException(FetchFailure.BAD_REDIRECT, from, "HTTP " + status + " without a Location");
        }
        try {
            // Servers send spaces in Location now and then; browsers encode them, so do we.
            return from.resolve(location.strip().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchFailure.BAD_REDIRECT, from, "invalid Location '" + location + "'");
        }
    }

    private static void checkUrl(URI url, FetchScope scope) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchFailure.UNSUPPORTED_SCHEME, url,
                    "only http and https URLs are fetched, not '" + (scheme.isEmpty() ? url : scheme + ":") + "'");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new FetchException(FetchFailure.INVALID_URL, url, "the URL has no valid host");
        }
        if (!scope.allowsPort(url)) {
            throw new FetchException(FetchFailure.BLOCKED_PORT, url, "port " + FetchScope.port(url)
                    + " is not 80, 443 or a port of the source's own URLs " + new TreeSet<>(scope.ports()));
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private FetchException translate(IOException e, URI url, boolean timedOut) {
        if (timedOut) {
            return new FetchException(FetchFailure.TIMEOUT, url,
                    "no complete response within " + settings.fetchTimeout().toSeconds() + " s", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BlockedAddressException blocked) {
                return new FetchException(FetchFailure.BLOCKED_ADDRESS, url, blocked.getMessage(), e);
            }
            if (t instanceof BodyReader.TooLarge tooLarge) {
                return new FetchException(FetchFailure.TOO_LARGE, url, tooLarge.getMessage() + " of "
                        + settings.maxBodyBytes() + " bytes", e);
            }
            if (t instanceof MessageConstraintException limit) {
                return new FetchException(FetchFailure.HEADERS_TOO_LARGE, url, "the response head is over the limits ("
                        + MAX_HEADER_COUNT + " headers, lines of " + MAX_HEADER_LINE + " bytes): "
                        + limit.getMessage(), e);
            }
            if (t instanceof BodyReader.BadEncoding bad) {
                return new FetchException(FetchFailure.BAD_ENCODING, url, bad.getMessage(), e);
            }
        }
        if (e instanceof UnknownHostException) {
            return new FetchException(FetchFailure.DNS_FAILURE, url, "cannot resolve " + url.getHost(), e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new FetchException(FetchFailure.TIMEOUT, url, "timed out: " + e.getMessage(), e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof org.apache.hc.client5.http.HttpHostConnectException) {
            return new FetchException(FetchFailure.CONNECT_FAILED, url, "cannot connect to " + url.getHost()
                    + ": " + e.getMessage(), e);
        }
        if (e instanceof SSLException) {
            return new FetchException(FetchFailure.TLS_FAILURE, url, "TLS failed: " + e.getMessage(), e);
        }
        return new FetchException(FetchFailure.IO_ERROR, url, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        try {
            guarded.close();
            unguarded.close();
        } catch (IOException e) {
            // closing idle connections: nothing to do about a failure
        }
    }
}
