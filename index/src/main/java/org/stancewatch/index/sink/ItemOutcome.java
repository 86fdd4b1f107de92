package org.stancewatch.index.sink;

import co.elastic.clients.elasticsearch._types.ErrorCause;

/**
 * What one bulk item's result means for its record.
 *
 * @param verdict what to do with the record
 * @param reason  dead-letter reason code, for {@link Verdict#REJECTED}
 * @param message Elasticsearch's error, for people
 */
record ItemOutcome(Verdict verdict, String reason, String message) {

    enum Verdict {
        /** Elasticsearch has it. */
        INDEXED,
        /** a newer revision of the document is already there (409 on an external version). */
        SUPERSEDED,
        /**
         * 429 (overloaded, or a read-only index at the flood-stage disk watermark) and 5xx: the
         * cluster's trouble, not the document's; retry with back-off for as long as it takes.
         */
        RETRY,
        /** 404 index_not_found: the index was removed under the indexer; create it again, then retry. */
        INDEX_MISSING,
        /** Elasticsearch refuses the document itself (mapping or parse error): dead-letter it. */
        REJECTED
    }

    /** Dead-letter reason of a document Elasticsearch refused. */
    static final String DOCUMENT_REJECTED = "document-rejected";

    private static final ItemOutcome INDEXED = new ItemOutcome(Verdict.INDEXED, "", "");

    static ItemOutcome of(int status, ErrorCause error) {
        if (error == null) {
            return INDEXED; // includes a delete of a document that was not there (404, result not_found)
        }
        String message = describe(error);
        if (status == 409 && "version_conflict_engine_exception".equals(error.type())) {
            return new ItemOutcome(Verdict.SUPERSEDED, "", message);
        }
        if (status == 429 || status >= 500) {
            return new ItemOutcome(Verdict.RETRY, "", message);
        }
        if (status == 404 && "index_not_found_exception".equals(error.type())) {
            return new ItemOutcome(Verdict.INDEX_MISSING, "", message);
        }
        return new ItemOutcome(Verdict.REJECTED, DOCUMENT_REJECTED, message);
    }

    /** {@code type: reason (caused by type: reason)}. */
    static String describe(ErrorCause error) {
        StringBuilder text = new StringBuilder().append(error.type()).append(": ").append(error.reason());
        ErrorCause cause = error.causedBy();
        if (cause != null) {
            text.append(" (caused by ").append(cause.type()).append(": ").append(cause.reason()).append(')');
        }
        return text.toString();
    }
}
