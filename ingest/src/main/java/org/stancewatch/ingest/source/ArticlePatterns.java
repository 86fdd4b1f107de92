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
 *
 * <p>The scheme does not decide: a pattern is tried on the URL as written and on it with
 * {@code http} and {@code https} swapped, because feeds still list {@code http://} links that
 * the site redirects to {@code https://}, and a rule anchored at {@code ^https://} must not lose
 * them (nor a deny rule let them through).
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
        List<String> spellings = spellings(url.toString());
        if (anyFinds(deny, spellings)) {
            return false;
        }
        return allow.isEmpty() ? sameSite(url, home) : anyFinds(allow, spellings);
    }

    private static boolean anyFinds(List<Pattern> patterns, List<String> spellings) {
        for (Pattern pattern : patterns) {
            for (String spelling : spellings) {
                if (pattern.matcher(spelling).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The URL as written and, for http(s), with the other of the two schemes. */
    static List<String> spellings(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            return List.of(url, "http://" + url.substring("https://".length()));
        }
        if (lower.startsWith("http://")) {
            return List.of(url, "https://" + url.substring("http://".length()));
        }
        return List.of(url);
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
