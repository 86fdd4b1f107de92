package org.stancewatch.index.kibana;

/** Kibana could not be reached, or refused the import; the message says what to do. */
public class KibanaSetupException extends RuntimeException {
    public KibanaSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
