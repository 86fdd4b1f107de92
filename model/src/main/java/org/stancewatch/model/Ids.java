package org.stancewatch.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic identifiers: the same parts always give the same id, so a replayed record
 * overwrites its earlier copy (in a compacted topic, in Elasticsearch) instead of duplicating it.
 */
public final class Ids {
    private static final char SEPARATOR = '\u001f'; // unit separator: never inside a URL or a name

    private Ids() {}

    /** A 128-bit hex id (SHA-256, truncated) of the given parts, in order. */
    public static String of(Object... parts) {
        StringBuilder joined = new StringBuilder();
        for (Object part : parts) {
            if (!joined.isEmpty()) {
                joined.append(SEPARATOR);
            }
            joined.append(part);
        }
        return HexFormat.of().formatHex(sha256(joined.toString()), 0, 16);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
