package org.stancewatch.model.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a Jackson tree, with the line of every node, so that a validation error
 * can say where in the file it is. Jackson's trees keep no locations; a first pass over the
 * tokens records them by JSON pointer. Every YAML file of the configuration is read through it.
 */
public final class YamlTree {
    // A key written twice would silently keep the last value: an error with its line instead.
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlTree(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** Parses the document; a syntax error throws with its line. */
    public static YamlTree parse(byte[] yaml) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        YAMLFactory factory = (YAMLFactory) MAPPER.getFactory();
        try (JsonParser parser = factory.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), line);
                } else if (token.isStructStart()) {
                    // the container's own path is its parent's current entry
                    var parent = parser.getParsingContext().getParent();
                    if (parent != null) {
                        lines.putIfAbsent(parent.pathAsPointer().toString(), line);
                    }
                } else if (token.isScalarValue()) {
                    lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), line);
                }
            }
        }
        JsonNode root = MAPPER.readTree(yaml);
        return new YamlTree(root == null ? MAPPER.missingNode() : root, lines);
    }

    public JsonNode root() {
        return root;
    }

    /** The line of the node at this pointer, or of the nearest enclosing node that has one; 0 if none. */
    public int lineOf(JsonPointer pointer) {
        for (JsonPointer p = pointer; p != null; p = p.head()) {
            Integer line = lines.get(p.toString());
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
