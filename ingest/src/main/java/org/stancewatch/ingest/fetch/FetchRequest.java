package org.stancewatch.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One fetch to make.
 *
 * @param url              what to fetch
 * @param scope            the ports every hop may use, and the origins that may resolve to private addresses
 * @param etag             the ETag of the copy we have, for a conditional request, or null
 * @param lastModified     the Last-Modified of the copy we have, or null
 * @param accept           the Accept header
 * @param maxBytes         the largest body read (before and after decompression)
 * @param truncate         true to keep the first {@code maxBytes} of a larger body instead of failing (robots.txt)
 * @param hopPolicy        consulted before every request, redirects included: may refuse the hop, gives the host's delay
 */
public record FetchRequest(
        URI url,
        FetchScope scope,
        String etag,
        String lastModified,
        String accept,
        long maxBytes,
        boolean truncate,
        HopPolicy hopPolicy) {

    public static final String ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";
    public static final String ACCEPT_FEED =
            "application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5";

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        scope = scope == null ? FetchScope.publicWeb() : scope;
        Objects.requireNonNull(accept, "accept");
        Objects.requireNonNull(hopPolicy, "hopPolicy");
    }

    /** Decides, before each request of a fetch (the first and every redirect), whether it may go and how politely. */
    @FunctionalInterface
    public interface HopPolicy {
        /**
         * @return the least time between two requests to this hop's host
         * @throws FetchException to refuse the hop (e.g. {@link FetchFailure#ROBOTS_DISALLOWED})
         */
        Duration beforeHop(URI hop) throws FetchException, InterruptedException;

        static HopPolicy fixedDelay(Duration delay) {
            return hop -> delay;
        }
    }

    public FetchRequest conditional(String etag, String lastModified) {
        return new FetchRequest(url, scope, etag, lastModified, accept, maxBytes, truncate, hopPolicy);
    }

    /** Whether this hop's host may resolve to a private address. */
    public boolean allowsPrivate(URI hop) {
        return scope.allowsPrivate(hop);
    }
}
