package org.stancewatch.index.templates;

/** The templates or indices could not be installed; the message says which and why. */
public class IndexSetupException extends RuntimeException {
    public IndexSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
