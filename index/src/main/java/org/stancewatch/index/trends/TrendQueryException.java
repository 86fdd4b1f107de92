package org.stancewatch.index.trends;

/** A trend or alert query failed; the message says why and what to do. */
public class TrendQueryException extends RuntimeException {
    public TrendQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
