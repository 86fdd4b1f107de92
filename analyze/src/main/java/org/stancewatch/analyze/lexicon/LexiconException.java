package org.stancewatch.analyze.lexicon;

/**
 * {@code actors.yml} or {@code topics.yml} cannot be used. The message names the file, the line
 * and the field, and says what is wrong.
 */
public final class LexiconException extends RuntimeException {

    private final String source;
    private final int line;
    private final String field;

    public LexiconException(String source, int line, String field, String problem, Throwable cause) {
        super(source + (line > 0 ? " line " + line : "") + (field.isEmpty() ? "" : ", field " + field) + ": " + problem,
                cause);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    /** The file (or resource) that is wrong. */
    public String source() {
        return source;
    }

    /** 1-based line number, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The field's path, e.g. {@code actors[3].speaksFor[0].to}. */
    public String field() {
        return field;
    }
}
