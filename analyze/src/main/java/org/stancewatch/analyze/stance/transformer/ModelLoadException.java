package org.stancewatch.analyze.stance.transformer;

/** The transformer stance model's files are missing, unreadable or do not fit together. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
