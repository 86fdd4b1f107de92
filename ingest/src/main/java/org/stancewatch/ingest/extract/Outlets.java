package org.stancewatch.ingest.extract;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.util.Locale;

/** The outlet of a URL: its registered domain under the public suffix list ({@code www.bbc.co.uk} → {@code bbc.co.uk}). */
public final class Outlets {
    private Outlets() {}

    /** The registered domain of the URL's host; the host itself (without {@code www.}) where there is none, such as an IP address. */
    public static String of(URI url) {
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return host;
        }
        String domain = EffectiveTldFinder.getAssignedDomain(host, true, false);
        if (domain == null || domain.isBlank() || domain.equals(host) && host.indexOf('.') < 0) {
            return host.startsWith("www.") ? host.substring(4) : host;
        }
        return domain;
    }
}
