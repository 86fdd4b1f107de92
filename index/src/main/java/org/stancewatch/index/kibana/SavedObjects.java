package org.stancewatch.index.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.stancewatch.model.json.Json;

/**
 * stancewatch's Kibana saved objects ({@code org/stancewatch/index/kibana/stancewatch.ndjson}):
 * a data view per index, the Lens visualisations and the dashboard that combines them, in
 * Kibana's export format (one JSON object per line).
 */
public final class SavedObjects {
    /** The resource, as Kibana's import API takes it. */
    public static final String RESOURCE = "/org/stancewatch/index/kibana/stancewatch.ndjson";
    /** The id of the dashboard. */
    public static final String DASHBOARD_ID = "stancewatch-dashboard";

    private SavedObjects() {}

    /** The file's bytes, unchanged. */
    public static byte[] ndjson() {
        try (InputStream in = SavedObjects.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Each object, parsed. */
    public static List<JsonNode> objects() {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : new String(ndjson(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    objects.add(Json.mapper().readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("a line of " + RESOURCE + " is not JSON", e);
                }
            }
        }
        return objects;
    }
}
