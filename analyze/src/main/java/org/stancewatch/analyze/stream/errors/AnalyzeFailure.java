package org.stancewatch.analyze.stream.errors;

/**
 * A failure of the analyze job on one record that has a stable reason code: the processing
 * exception handler writes the code into the record's dead letter.
 */
public class AnalyzeFailure extends RuntimeException {
    private final String reason;

    public AnalyzeFailure(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The short stable code of this failure, e.g. {@code scoring-timeout}. */
    public String reason() {
        return reason;
    }
}
