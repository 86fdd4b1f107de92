package org.stancewatch.ingest.discover;

/** A feed, sitemap or section page that could not be read, with a stable reason code. */
public final class DiscoveryException extends Exception {
    private final String reason;

    public DiscoveryException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** {@code malformed-feed}, {@code malformed-sitemap}, {@code sitemap-too-deep}, ... */
    public String reason() {
        return reason;
    }
}
