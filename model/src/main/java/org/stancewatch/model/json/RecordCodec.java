package org.stancewatch.model.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads and writes one record type as JSON with a {@code schemaVersion} field.
 *
 * <p>Reading never returns a half-filled record: bytes that are not a JSON object, lack the
 * version, carry another version or break the record's own checks throw a {@link
 * RecordFormatException} that says which.
 */
public final class RecordCodec<T extends Record> {
    /** The JSON field that carries the version. */
    public static final String VERSION_FIELD = "schemaVersion";

    private final Class<T> type;
    private final int version;
    private final ObjectMapper mapper = Json.mapper();

    public RecordCodec(Class<T> type, int version) {
        this.type = type;
        this.version = version;
    }

    public Class<T> type() {
        return type;
    }

    public int version() {
        return version;
    }

    public byte[] write(T value) {
        try {
            return mapper.writeValueAsBytes(toTree(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + type.getSimpleName(), e);
        }
    }

    /** The JSON object of a record, version first. */
    public ObjectNode toTree(T value) {
        ObjectNode tree = mapper.createObjectNode();
        tree.put(VERSION_FIELD, version);
        tree.setAll((ObjectNode) mapper.valueToTree(value));
        return tree;
    }

    public String writeString(T value) {
        return toTree(value).toString();
    }

    public T read(byte[] bytes) {
        JsonNode tree;
        try {
            tree = mapper.readTree(bytes);
        } catch (IOException e) {
            throw malformed("not valid JSON (" + firstLine(e) + ")", e);
        }
        return fromTree(tree);
    }

    public T read(String json) {
        return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public T fromTree(JsonNode tree) {
        if (tree == null || tree.isMissingNode()) {
            throw malformed("empty input", null);
        }
        if (!tree.isObject()) {
            throw malformed("expected a JSON object, found " + tree.getNodeType().name().toLowerCase(), null);
        }
        JsonNode declared = tree.get(VERSION_FIELD);
        if (declared == null || !declared.canConvertToExactIntegral()) {
            throw malformed("missing or non-integer '" + VERSION_FIELD + "'", null);
        }
        if (declared.asInt() != version) {
            throw new UnsupportedSchemaVersionException(type.getSimpleName(), declared.asInt(), version);
        }
        ObjectNode fields = ((ObjectNode) tree).deepCopy();
        fields.remove(VERSION_FIELD);
        try {
            return mapper.treeToValue(fields, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw malformed(cause.getMessage(), e);
        } catch (MismatchedInputException e) {
            throw malformed("field '" + path(e) + "': " + firstLine(e), e);
        } catch (JacksonException e) {
            throw malformed(firstLine(e), e);
        }
    }

    private RecordFormatException malformed(String message, Throwable cause) {
        return new MalformedRecordException(type.getSimpleName(), message, cause);
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]");
        }
        return path.toString();
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
