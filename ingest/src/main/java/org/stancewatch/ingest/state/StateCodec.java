package org.stancewatch.ingest.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.stancewatch.model.json.Json;

/** The JSON form of crawl-state records; the key says which record type a value is. */
public final class StateCodec {
    private StateCodec() {}

    public static byte[] write(Object value) {
        try {
            return value == null ? null : Json.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write crawl state", e);
        }
    }

    /** The record for a key's value; null for a tombstone. */
    public static Object read(String key, byte[] value) throws IOException {
        if (value == null) {
            return null;
        }
        Class<?> type = switch (StateKey.kind(key)) {
            case StateKey.PAGE -> PageState.class;
            case StateKey.ARTICLE -> ArticleState.class;
            case StateKey.ROBOTS -> RobotsState.class;
            case StateKey.RUN -> SourceRunState.class;
            default -> throw new IOException("unknown crawl-state key '" + key + "'");
        };
        return Json.mapper().readValue(value, type);
    }
}
