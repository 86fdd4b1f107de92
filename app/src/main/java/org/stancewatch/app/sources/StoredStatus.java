package org.stancewatch.app.sources;

import org.stancewatch.model.SourceStatus;

/**
 * A source's latest record on {@code stancewatch.sources}: its status, or why it could not be read.
 *
 * @param source     the record's key, the source's name
 * @param status     the status, null when unreadable
 * @param unreadable why the record is not a status (a newer schema, not JSON), null when readable
 * @param where      topic, partition and offset of the record, for an unreadable one
 */
public record StoredStatus(String source, SourceStatus status, String unreadable, String where) {

    public static StoredStatus of(SourceStatus status) {
        return new StoredStatus(status.source(), status, null, null);
    }

    public static StoredStatus unreadable(String source, String why, String where) {
        return new StoredStatus(source, null, why, where);
    }

    public boolean readable() {
        return status != null;
    }
}
