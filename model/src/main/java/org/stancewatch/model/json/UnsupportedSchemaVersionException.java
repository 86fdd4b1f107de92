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

    /**
     * Written by a newer stancewatch: during a rolling upgrade the record is good and an upgraded
     * reader will read it, so a stage waits for one rather than dead-letter it.
     */
    public boolean isNewer() {
        return found > supported;
    }

    /** The newer-version exception among an error's causes, if any. */
    public static java.util.Optional<UnsupportedSchemaVersionException> newerIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnsupportedSchemaVersionException unsupported && unsupported.isNewer()) {
                return java.util.Optional.of(unsupported);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String reason() {
        return "unsupported-schema-version";
    }
}
