package org.stancewatch.model.json;

/**
 * The record declares a {@code schemaVersion} this build does not read: it was written by a
 * newer (or much older) stancewatch. Upgrade the reader rather than guess at the fields.
 */
public class UnsupportedSchemaVersionException extends RecordFormatException {
    private final int found;
    private final int supported;

    public UnsupportedSchemaVersionException(String recordType, int found, int supported) {
        super(recordType, "schemaVersion " + found + " is not supported (this build reads version "
                + supported + "); upgrade stancewatch to read it", null);
        this.found = found;
        this.supported = supported;
    }

    public int found() {
        return found;
    }

    public int supported() {
        return supported;
    }

    @Override
    public String reason() {
        return "unsupported-schema-version";
    }
}
