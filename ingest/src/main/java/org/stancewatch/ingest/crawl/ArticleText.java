package org.stancewatch.ingest.crawl;

/**
 * Makes extracted text fit the article record: control characters out (a page's stray NULs and
 * form feeds carry nothing, and each costs six bytes of JSON), and the text cut to a budget of
 * JSON bytes rather than characters, since a character of Chinese takes three bytes and one of
 * an emoji pair two.
 */
final class ArticleText {
    /**
     * The text's share of an article record: the rest of the record (URLs, title, authors, ids)
     * is bounded separately and stays far below the remaining quarter of Kafka's 1 MiB.
     */
    static final int MAX_TEXT_JSON_BYTES = 768 * 1024;

    private ArticleText() {}

    /** The text without control characters other than line breaks and tabs; CR LF and CR become LF. */
    static String withoutControlCharacters(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
            if (control && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (clean != null && !control) {
                clean.append(c);
            } else if (clean != null && c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                clean.append('\n');
            }
        }
        return clean == null ? text : clean.toString();
    }

    /** The text cut to at most {@code maxBytes} bytes as a JSON string, at a code point boundary. */
    static String cutToJsonBytes(String text, int maxBytes) {
        long bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += jsonBytes(codePoint);
            if (bytes > maxBytes) {
                return text.substring(0, i);
            }
            i += Character.charCount(codePoint);
        }
        return text;
    }

    /** Bytes of one code point in a UTF-8 JSON string, escapes included. */
    static int jsonBytes(int codePoint) {
        if (codePoint == '"' || codePoint == '\\' || codePoint == '\n' || codePoint == '\t' || codePoint == '\r'
                || codePoint == '\b' || codePoint == '\f') {
            return 2;
        }
        if (codePoint < 0x20) {
            return 6;
        }
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
