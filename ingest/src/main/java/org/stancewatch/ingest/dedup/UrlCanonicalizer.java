package org.stancewatch.ingest.dedup;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Canonical URLs: one spelling per page, so that the same article reached through a feed with
 * tracking parameters, a sitemap and a section page gets one id. crawler-commons' normaliser
 * lower-cases scheme and host, drops default ports, fragments and dot segments, and sorts the
 * query; tracking parameters ({@code utm_*}, {@code fbclid}, ...) are removed first.
 */
public final class UrlCanonicalizer {
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "cmpid",
            "cmp", "ocid", "ito", "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3",
            "at_custom4", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "taid", "rss",
            "feedtype", "wt.mc_id", "wt_mc", "smid", "smtyp", "xtor");
    private static final Pattern TRACKING_PREFIX = Pattern.compile("(?i)^(utm_|at_|ns_|mkt_|pk_|hsa_|vero_)");
    private static final BasicURLNormalizer NORMALIZER = BasicURLNormalizer.newBuilder().build();

    private UrlCanonicalizer() {}

    /**
     * The canonical form of an absolute http(s) URL.
     *
     * @throws IllegalArgumentException for anything that is not one
     */
    public static String canonicalize(String url) {
        String stripped = withoutTracking(url.strip());
        String normalized = NORMALIZER.filter(stripped);
        if (normalized == null) {
            throw new IllegalArgumentException("not a valid URL: " + url);
        }
        try {
            URI uri = new URI(normalized);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + url, e);
        }
        return normalized;
    }

    /** Like {@link #canonicalize}, as a URI. */
    public static URI canonicalUri(String url) {
        return URI.create(canonicalize(url));
    }

    private static String withoutTracking(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        int fragment = url.indexOf('#', query);
        String params = fragment < 0 ? url.substring(query + 1) : url.substring(query + 1, fragment);
        StringBuilder kept = new StringBuilder();
        for (String param : params.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (TRACKING.contains(name) || TRACKING_PREFIX.matcher(name).find()) {
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(param);
        }
        String base = url.substring(0, query);
        return kept.isEmpty() ? base : base + "?" + kept;
    }
}
