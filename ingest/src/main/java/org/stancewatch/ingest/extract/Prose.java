package org.stancewatch.ingest.extract;

/**
 * Whether a block of text reads as prose: sentences of several words, mostly not links. A
 * headline, a byline, a date, a menu or a label does not.
 */
final class Prose {
    private static final int MIN_CHARS = 60;
    private static final int MIN_WORDS = 8;
    /** A block this long is prose even without a closing full stop (a lede set as a subtitle). */
    private static final int UNPUNCTUATED_WORDS = 15;
    private static final double MAX_LINK_DENSITY = 0.2;

    private Prose() {}

    /** True for a block of at least a sentence's length that is mostly not links. */
    static boolean isProse(String text, double linkDensity) {
        String stripped = text.strip();
        if (stripped.length() < MIN_CHARS || linkDensity > MAX_LINK_DENSITY) {
            return false;
        }
        int words = ArticleExtractor.wordCount(stripped);
        return words >= UNPUNCTUATED_WORDS || words >= MIN_WORDS && endsSentence(stripped);
    }

    /** True for a non-empty text that ends as a sentence does (a full stop, a question, a closing quote). */
    static boolean endsSentence(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '?' || last == '!' || last == '"' || last == '”' || last == '«' || last == '»'
                || last == '…' || last == '。';
    }
}
