package org.stancewatch.ingest.extract;

/** A page that yields no article, with a stable {@link #reason()} code for counting and dead letters. */
public final class ExtractionException extends Exception {
    /** Why a page yields no article. */
    public enum Reason {
        /** the body is not HTML: a PDF, an image, a feed served at an article's URL */
        NOT_HTML("not-html"),
        /** the page declares itself a listing, or its text is mostly links */
        NOT_AN_ARTICLE("not-an-article"),
        /** too little text left after boilerplate removal */
        EMPTY_EXTRACTION("empty-extraction");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public ExtractionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
