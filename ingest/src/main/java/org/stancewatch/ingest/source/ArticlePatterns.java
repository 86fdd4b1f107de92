package org.stancewatch.ingest.source;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.stancewatch.ingest.extract.Outlets;

/**
 * Which URLs are a source's articles: a URL is one when some {@code allow} pattern is found in it
 * (or, with no allow patterns, when it is on the home page's site) and no {@code deny} pattern
 * is. Patterns are Java regular expressions searched anywhere in the URL.
 */
public record ArticlePatterns(List<Pattern> allow, List<Pattern> deny) {
    public ArticlePatterns {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    public static ArticlePatterns sameSite() {
        return new ArticlePatterns(List.of(), List.of());
    }

    boolean matches(URI url, URI home) {
        String text = url.toString();
        for (Pattern pattern : deny) {
            if (pattern.matcher(text).find()) {
                return false;
            }
        }
        if (allow.isEmpty()) {
            return sameSite(url, home);
        }
        for (Pattern pattern : allow) {
            if (pattern.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** Same host, or same registered domain (not for IP addresses): {@code www.}, another subdomain, any scheme. */
    static boolean sameSite(URI url, URI home) {
        if (url.getHost() == null || home.getHost() == null) {
            return false;
        }
        if (url.getHost().equalsIgnoreCase(home.getHost())) {
            return true;
        }
        try {
            return Outlets.of(url).equals(Outlets.of(home))
                    && !url.getHost().toLowerCase(Locale.ROOT).matches("[0-9.]+");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
