package org.stancewatch.config;

/** One problem of a configuration file: {@code file:line: field: message}. */
public record ConfigProblem(String file, int line, String field, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
