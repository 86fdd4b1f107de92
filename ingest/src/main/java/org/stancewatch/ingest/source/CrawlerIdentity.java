package org.stancewatch.ingest.source;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the crawler names itself to sites: the {@code User-Agent} (a product token with version
 * and an optional comment) and the {@code From} header (the operator's e-mail address). The
 * rules here are what {@code sources.yml} is checked against; each returns the problem as a
 * sentence that says what to write instead, or nothing when the value is fine.
 *
 * <p>No URL in the User-Agent: bot managers such as NPR's drop connections whose User-Agent
 * carries {@code +http(s)://}, taking it for a scraper's signature. The contact that such a URL
 * used to carry goes in {@code From}, which RFC 9110 (section 10.1.2) made for robots.
 */
public final class CrawlerIdentity {
    /** Overrides {@code crawler.from} of the sources file, so one file serves several deployments. */
    public static final String FROM_VARIABLE = "STANCEWATCH_CRAWLER_FROM";

    private static final Pattern URL = Pattern.compile("(?i)(https?://|\\bwww\\.)");
    /** A plain address ({@code local@domain.tld}): no display name, no comments, no spaces. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private CrawlerIdentity() {}

    /** What is wrong with a User-Agent, if anything. */
    public static Optional<String> userAgentProblem(String userAgent) {
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            return Optional.of("must be printable ASCII, not empty");
        }
        if (URL.matcher(userAgent).find()) {
            return Optional.of("must not contain a URL ('" + userAgent + "'): some sites' bot managers drop requests "
                    + "whose User-Agent carries one. Write the product and version only, e.g. \"stancewatch/0.1 (news "
                    + "stance monitor)\", and put your contact address in crawler.from");
        }
        return Optional.empty();
    }

    /** What is wrong with a From address, if anything; empty is fine (no From header is sent). */
    public static Optional<String> fromProblem(String from) {
        if (from.isEmpty() || EMAIL.matcher(from).matches()) {
            return Optional.empty();
        }
        return Optional.of("'" + from + "' is not an e-mail address: write a plain address such as "
                + "crawler-ops@example.org (sent as the From header, so a site can reach you)");
    }

    /** The From address to use: the environment's override when set, else the file's. */
    public static String from(String fromFile, String fromEnvironment) {
        return fromEnvironment == null || fromEnvironment.isBlank() ? fromFile : fromEnvironment.strip();
    }
}
