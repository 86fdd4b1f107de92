package org.stancewatch.notify.ledger;

/** The ledger could not be read or written (the broker is away, the topic is missing). */
public class LedgerException extends RuntimeException {
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
