package org.stancewatch.ingest.fetch;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where one source's fetches may go, redirects included.
 *
 * <ul>
 *   <li>Ports: 80 and 443, and those the source's own URLs name. A redirect to
 *       {@code :22} or {@code :6379} is refused whatever the host: a public name can still
 *       lead to a service that speaks something other than the web.</li>
 *   <li>Private addresses: only the exact {@code host:port} origins of the source's own URLs,
 *       and only for a source that allows them (a local test or demo site). Any other port on
 *       the same host, or another host, goes through the SSRF guard.</li>
 * </ul>
 *
 * @param ports         the ports a fetch may connect to
 * @param privateOrigins {@code host:port} pairs (lower case, effective port) that may resolve to
 *                       loopback or private addresses
 */
public record FetchScope(Set<Integer> ports, Set<String> privateOrigins) {
    private static final Set<Integer> WEB_PORTS = Set.of(80, 443);

    public FetchScope {
        ports = Set.copyOf(ports);
        privateOrigins = Set.copyOf(privateOrigins);
    }

    /** The public web only: ports 80 and 443, no private address. */
    public static FetchScope publicWeb() {
        return new FetchScope(WEB_PORTS, Set.of());
    }

    /**
     * The scope of a site whose own URLs are {@code ownUrls}: their ports besides 80 and 443,
     * and, with {@code allowPrivate}, their origins as the only ones that may be private.
     */
    public static FetchScope ofSite(Collection<URI> ownUrls, boolean allowPrivate) {
        Set<Integer> ports = new HashSet<>(WEB_PORTS);
        Set<String> origins = new HashSet<>();
        for (URI url : ownUrls) {
            ports.add(port(url));
            if (allowPrivate) {
                origins.add(origin(url));
            }
        }
        return new FetchScope(ports, origins);
    }

    public boolean allowsPort(URI url) {
        return ports.contains(port(url));
    }

    /** Whether this URL's host may resolve to a loopback or private address: its origin is one of the site's own. */
    public boolean allowsPrivate(URI url) {
        return url.getHost() != null && privateOrigins.contains(origin(url));
    }

    /** The port connected to: the URL's own, or its scheme's default. */
    static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static String origin(URI url) {
        return url.getHost().toLowerCase(Locale.ROOT) + ":" + port(url);
    }
}
