package org.stancewatch.ingest.source;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code sources.yml} that cannot be used. Each problem names the file, the line and the
 * field, so that it can be fixed without guessing; all problems of a file are reported at once.
 */
public final class SourcesException extends RuntimeException {
    /** One problem: {@code file:line: field: message}. */
    public record Problem(String file, int line, String field, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + message;
        }
    }

    private final List<Problem> problems;

    public SourcesException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        String list = problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
        return (problems.size() == 1 ? "the sources file has a problem:\n  " : "the sources file has "
                + problems.size() + " problems:\n  ") + list;
    }
}
