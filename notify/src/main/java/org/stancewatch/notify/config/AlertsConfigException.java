package org.stancewatch.notify.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An {@code alerts.yml} that cannot be used. Each problem names the file, the line and the
 * field; all problems of a file are reported at once.
 */
public final class AlertsConfigException extends RuntimeException {
    /** One problem: {@code file:line: field: message}. */
    public record Problem(String file, int line, String field, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + message;
        }
    }

    private final List<Problem> problems;

    public AlertsConfigException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        String list = problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
        return (problems.size() == 1 ? "the alerts file has a problem:\n  " : "the alerts file has "
                + problems.size() + " problems:\n  ") + list;
    }
}
