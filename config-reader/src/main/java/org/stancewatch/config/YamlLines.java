package org.stancewatch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every node of a YAML document, by JSON pointer. Jackson's trees and bound objects
 * keep no locations, so a pass over the tokens records them: a check made after parsing can then
 * still say where in the file a problem is. Every configuration file is located through it.
 */
public final class YamlLines {
    // A key written twice would silently keep the last value: an error with its line instead.
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Map<String, Integer> byPointer;

    private YamlLines(Map<String, Integer> byPointer) {
        this.byPointer = byPointer;
    }

    /** Locates the nodes of the document; a syntax error throws with its line. */
    public static YamlLines of(byte[] yaml) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME || token.isScalarValue()) {
                    lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), line);
                } else if (token.isStructStart()) {
                    // the container's own path is its parent's current entry
                    var parent = parser.getParsingContext().getParent();
                    if (parent != null) {
                        lines.putIfAbsent(parent.pathAsPointer().toString(), line);
                    }
                }
            }
        }
        return new YamlLines(lines);
    }

    /** No locations, for a document that could not be read: every line is 0. */
    public static YamlLines none() {
        return new YamlLines(Map.of());
    }

    /** The line of the node at this pointer, or of the nearest enclosing node that has one; 0 if none. */
    public int lineOf(JsonPointer pointer) {
        for (JsonPointer p = pointer; p != null; p = p.head()) {
            Integer line = byPointer.get(p.toString());
            if (line != null) {
                return line;
            }
            if (p.matches()) {
                break;
            }
        }
        return 0;
    }
}
