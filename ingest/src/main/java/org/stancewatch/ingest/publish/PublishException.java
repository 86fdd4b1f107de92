package org.stancewatch.ingest.publish;

/**
 * A batch that could not be written. Nothing of it was published. {@link #fatal()} is true when
 * this crawler cannot write any more (another instance with the same id took over, or access
 * was denied): it must stop.
 */
public final class PublishException extends Exception {
    private final boolean fatal;

    public PublishException(String message, Throwable cause, boolean fatal) {
        super(message, cause);
        this.fatal = fatal;
    }

    public boolean fatal() {
        return fatal;
    }
}
