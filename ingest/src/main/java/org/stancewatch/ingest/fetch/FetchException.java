package org.stancewatch.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** A fetch that got no usable response, with the reason as data. */
public final class FetchException extends Exception {
    private final FetchFailure failure;
    private final URI url;
    private final int status;
    private final Duration retryAfter;

    public FetchException(FetchFailure failure, URI url, String message) {
        this(failure, url, message, 0, null, null);
    }

    public FetchException(FetchFailure failure, URI url, String message, Throwable cause) {
        this(failure, url, message, 0, null, cause);
    }

    FetchException(FetchFailure failure, URI url, String message, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.url = url;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public FetchFailure failure() {
        return failure;
    }

    /** The URL that failed: the one asked for, or the redirect hop where it failed. */
    public URI url() {
        return url;
    }

    /**
     * The HTTP status for {@link FetchFailure#HTTP_STATUS}, {@link FetchFailure#RATE_LIMITED} and the
     * blocks ({@link FetchFailure#blocked()}), else 0.
     */
    public int status() {
        return status;
    }

    /** How long the server asked us to wait, for {@link FetchFailure#RATE_LIMITED}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The stable code: the failure's, or {@code http-404} and the like for error statuses. */
    public String code() {
        return failure == FetchFailure.HTTP_STATUS ? "http-" + status : failure.code();
    }
}
