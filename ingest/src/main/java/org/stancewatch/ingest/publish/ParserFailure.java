package org.stancewatch.ingest.publish;

/**
 * The dead letter of a listing or page whose parser threw what its API does not declare (a
 * library's NullPointerException, say): that listing or page fails alone, and the dead letter
 * tells a developer where to look.
 */
public final class ParserFailure {
    /** The reason code of such a dead letter. */
    public static final String REASON = "parser-failed";

    private ParserFailure() {}

    /** The dead letter's message: which parser failed, and how. */
    public static String message(String parser, RuntimeException e) {
        return "the " + parser + " failed unexpectedly: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
