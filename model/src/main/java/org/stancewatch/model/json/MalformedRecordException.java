package org.stancewatch.model.json;

/** The bytes are not JSON, not an object, or lack or mistype a field the record needs. */
public class MalformedRecordException extends RecordFormatException {
    public MalformedRecordException(String recordType, String message, Throwable cause) {
        super(recordType, message, cause);
    }
}
