package org.stancewatch.analyze.stance.training;

import java.nio.file.Path;

/** A NewsMTSC-format file has a line that cannot be read; the message names file and line. */
public final class DatasetFormatException extends RuntimeException {

    public DatasetFormatException(Path file, int line, String problem, Throwable cause) {
        super(file + " line " + line + ": " + problem, cause);
    }
}
