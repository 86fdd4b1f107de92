package org.stancewatch.ingest.source;

import java.util.List;
import org.stancewatch.config.ConfigFileException;
import org.stancewatch.config.ConfigProblem;

/** A {@code sources.yml} that cannot be used, with every problem's file, line and field. */
public final class SourcesException extends ConfigFileException {
    public SourcesException(List<ConfigProblem> problems) {
        super("the sources file", problems);
    }
}
