package org.stancewatch.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;

/**
 * A YAML document as a Jackson tree, with the line of every node, so that a validation error
 * can say where in the file it is ({@link YamlLines}). Every YAML file of the configuration that
 * is checked node by node is read through it.
 */
public final class YamlTree {
    // A key written twice would silently keep the last value: an error with its line instead.
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final JsonNode root;
    private final YamlLines lines;

    private YamlTree(JsonNode root, YamlLines lines) {
        this.root = root;
        this.lines = lines;
    }

    /** Parses the document; a syntax error throws with its line. */
    public static YamlTree parse(byte[] yaml) throws IOException {
        YamlLines lines = YamlLines.of(yaml);
        JsonNode root = MAPPER.readTree(yaml);
        return new YamlTree(root == null ? MAPPER.missingNode() : root, lines);
    }

    public JsonNode root() {
        return root;
    }

    /** The line of the node at this pointer, or of the nearest enclosing node that has one; 0 if none. */
    public int lineOf(JsonPointer pointer) {
        return lines.lineOf(pointer);
    }
}
