package org.stancewatch.analyze.stream.errors;

import org.stancewatch.model.json.RecordFormatException;

/** The reason codes the analyze job writes into its dead letters, and how errors map to them. */
public final class Reasons {
    /** The bytes are not a readable record (see {@link RecordFormatException#reason()}). */
    public static final String MALFORMED_RECORD = "malformed-record";
    /** The record declares a schema version this build does not read. */
    public static final String UNSUPPORTED_SCHEMA_VERSION = "unsupported-schema-version";
    /** The key or value could not be deserialized for another reason. */
    public static final String UNREADABLE_RECORD = "unreadable-record";
    /** The scorer did not finish the article within the watchdog's time. */
    public static final String SCORING_TIMEOUT = "scoring-timeout";
    /** Too many abandoned scoring threads still ran to score the article within the deadline. */
    public static final String SCORING_OVERLOADED = "scoring-overloaded";
    /** The scorer threw. */
    public static final String SCORING_FAILED = "scoring-failed";
    /** The scorer returned mentions that do not belong to the article. */
    public static final String INVALID_SCORER_OUTPUT = "invalid-scorer-output";
    /** The article's publication time lies in the future of its fetch: a misread date. */
    public static final String PUBLISHED_IN_FUTURE = "published-in-future";
    /** Any other exception while processing a record. */
    public static final String PROCESSING_FAILED = "processing-failed";
    /** An output record could not be serialized. */
    public static final String UNWRITABLE_RECORD = "unwritable-record";
    /** An output record would be larger than its topic takes. */
    public static final String RECORD_TOO_LARGE = "record-too-large";
    /** The broker refused an output record for good (too large for the topic, invalid). */
    public static final String REFUSED_RECORD = "refused-record";

    private Reasons() {}

    /** The reason code of an exception thrown while reading a record. */
    public static String ofDeserialization(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordFormatException format) {
                return format.reason();
            }
        }
        return UNREADABLE_RECORD;
    }

    /** The reason code of an exception thrown while processing a record. */
    public static String ofProcessing(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AnalyzeFailure failure) {
                return failure.reason();
            }
        }
        return PROCESSING_FAILED;
    }
}
