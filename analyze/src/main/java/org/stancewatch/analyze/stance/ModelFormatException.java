package org.stancewatch.analyze.stance;

/** A stance model file cannot be read: wrong format, wrong feature version, or cut short. */
public final class ModelFormatException extends RuntimeException {

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
