package org.stancewatch.index.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.stancewatch.model.json.Json;

/**
 * The template JSON files under {@code org/stancewatch/index/templates/}: {@code settings.json},
 * {@code <kind>-mappings.json} (component templates) and {@code <kind>-template.json} (composable
 * index templates), written with the default names.
 */
public final class TemplateResources {
    private static final String FOLDER = "/org/stancewatch/index/templates/";

    private TemplateResources() {}

    public static String settingsComponent() {
        return read("settings.json");
    }

    public static String mappingsComponent(IndexKind kind) {
        return read(kind.word() + "-mappings.json");
    }

    public static String indexTemplate(IndexKind kind) {
        return read(kind.word() + "-template.json");
    }

    /** The kind's index template with the names of a layout (patterns and components). */
    public static String indexTemplate(IndexKind kind, IndexLayout layout) {
        try {
            ObjectNode template = (ObjectNode) Json.mapper().readTree(indexTemplate(kind));
            ArrayNode patterns = template.putArray("index_patterns");
            patterns.add(layout.indexPattern(kind));
            ArrayNode components = template.putArray("composed_of");
            components.add(layout.settingsComponent());
            components.add(layout.mappingsComponent(kind));
            return template.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("template resource of " + kind.word() + " is not valid JSON", e);
        }
    }

    /** The {@code mappings} object of a kind's component template. */
    public static JsonNode mappings(IndexKind kind) {
        try {
            return Json.mapper().readTree(mappingsComponent(kind)).path("template").path("mappings");
        } catch (IOException e) {
            throw new UncheckedIOException("template resource of " + kind.word() + " is not valid JSON", e);
        }
    }

    /** The field mappings ({@code properties}) of a kind, for checks such as Kibana's fields. */
    public static JsonNode properties(IndexKind kind) {
        return mappings(kind).path("properties");
    }

    static String read(String name) {
        try (InputStream in = TemplateResources.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("template resource " + FOLDER + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template resource " + name, e);
        }
    }
}
