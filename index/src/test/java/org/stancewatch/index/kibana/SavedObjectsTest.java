package org.stancewatch.index.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.index.templates.TemplateResources;
import org.stancewatch.model.json.Json;

/** The Kibana saved objects are consistent with each other and with the index templates. */
class SavedObjectsTest {
    private static final Set<String> NUMERIC = Set.of("double", "float", "long", "integer", "short", "half_float");
    private static final Set<String> AGGREGATABLE = Set.of("keyword", "date", "boolean", "double", "float", "long",
            "integer", "short");
    private final List<JsonNode> objects = SavedObjects.objects();

    @Test
    void everyLineIsASavedObjectWithATypeAnIdAndAttributes() {
        assertThat(objects).isNotEmpty();
        assertThat(objects).allSatisfy(object -> {
            assertThat(object.path("type").asText()).isIn("index-pattern", "lens", "dashboard");
            assertThat(object.path("id").asText()).startsWith("stancewatch-");
            assertThat(object.path("attributes").path("title").asText()).isNotBlank();
        });
        assertThat(objects.stream().map(o -> o.path("id").asText()).distinct()).hasSameSizeAs(objects);
    }

    @Test
    void thereIsADataViewPerIndexOnItsAliasWithADateTimeField() {
        IndexLayout layout = IndexLayout.defaults();
        for (IndexKind kind : IndexKind.values()) {
            JsonNode view = byId(layout.alias(kind));
            assertThat(view.path("type").asText()).isEqualTo("index-pattern");
            assertThat(view.path("attributes").path("title").asText()).isEqualTo(layout.alias(kind));
            String timeField = view.path("attributes").path("timeFieldName").asText();
            assertThat(field(kind, timeField).path("type").asText()).as(timeField).isEqualTo("date");
        }
    }

    @Test
    void theIssuesVisualisationsExistAndTheDashboardShowsThemAll() {
        List<String> lens = objects.stream().filter(o -> o.path("type").asText().equals("lens"))
                .map(o -> o.path("id").asText()).toList();
        assertThat(lens).containsExactlyInAnyOrder("stancewatch-stance-over-time", "stancewatch-actor-topic-heatmap",
                "stancewatch-outlets-compared", "stancewatch-mention-volume", "stancewatch-holder-target-matrix",
                "stancewatch-alerts-table");
        JsonNode dashboard = byId(SavedObjects.DASHBOARD_ID);
        List<String> shown = new ArrayList<>();
        dashboard.path("references").forEach(r -> shown.add(r.path("id").asText()));
        assertThat(shown).containsExactlyInAnyOrderElementsOf(lens);
    }

    @Test
    void everyReferenceResolvesToAnObjectOfTheNamedType() {
        Map<String, String> types = new HashMap<>();
        objects.forEach(o -> types.put(o.path("id").asText(), o.path("type").asText()));
        for (JsonNode object : objects) {
            for (JsonNode reference : object.path("references")) {
                assertThat(types.get(reference.path("id").asText()))
                        .as("%s refers to %s", object.path("id").asText(), reference)
                        .isEqualTo(reference.path("type").asText());
            }
        }
    }

    @Test
    void dashboardPanelsNameTheirReferences() throws Exception {
        JsonNode dashboard = byId(SavedObjects.DASHBOARD_ID);
        JsonNode panels = Json.mapper().readTree(dashboard.path("attributes").path("panelsJSON").asText());
        Set<String> names = new HashSet<>();
        dashboard.path("references").forEach(r -> names.add(r.path("name").asText()));
        assertThat(panels).hasSize(names.size());
        panels.forEach(panel -> assertThat(names).contains(panel.path("panelRefName").asText()));
        Json.mapper().readTree(dashboard.path("attributes").path("optionsJSON").asText());
        Json.mapper().readTree(dashboard.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText());
    }

    @Test
    void everyFieldAVisualisationUsesExistsInItsIndexTemplateWithAFittingType() {
        for (JsonNode lens : objects.stream().filter(o -> o.path("type").asText().equals("lens")).toList()) {
            String id = lens.path("id").asText();
            JsonNode state = lens.path("attributes").path("state");
            JsonNode layers = state.path("datasourceStates").path("formBased").path("layers");
            assertThat(layers.size()).as(id).isPositive();
            layers.properties().forEach(layer -> {
                IndexKind kind = kindOfLayer(lens, layer.getKey());
                JsonNode columns = layer.getValue().path("columns");
                List<String> order = new ArrayList<>();
                layer.getValue().path("columnOrder").forEach(c -> order.add(c.asText()));
                assertThat(order).as(id).containsExactlyInAnyOrderElementsOf(fieldNames(columns));
                columns.properties().forEach(column -> {
                    JsonNode spec = column.getValue();
                    String source = spec.path("sourceField").asText();
                    String operation = spec.path("operationType").asText();
                    if (operation.equals("count")) {
                        return;
                    }
                    String type = field(kind, source).path("type").asText();
                    assertThat(type).as("%s uses %s.%s", id, kind.word(), source).isIn(AGGREGATABLE);
                    switch (operation) {
                        case "date_histogram" -> assertThat(type).as(id + " " + source).isEqualTo("date");
                        case "average", "max", "min", "sum", "median" -> assertThat(type).as(id + " " + source).isIn(NUMERIC);
                        case "terms" -> {
                            assertThat(type).as(id + " " + source).isEqualTo("keyword");
                            String ordered = spec.path("params").path("orderBy").path("columnId").asText(null);
                            if (ordered != null) {
                                assertThat(columns.has(ordered)).as(id + " orders by " + ordered).isTrue();
                            }
                        }
                        default -> throw new AssertionError(id + " uses an operation this test does not know: " + operation);
                    }
                });
                queryFields(state.path("query").path("query").asText())
                        .forEach(f -> assertThat(field(kind, f).isMissingNode()).as(id + " query field " + f).isFalse());
            });
            visualisationAccessors(state.path("visualization"))
                    .forEach(accessor -> assertThat(layers.path("layer1").path("columns").has(accessor))
                            .as(id + " shows column " + accessor).isTrue());
        }
    }

    private IndexKind kindOfLayer(JsonNode lens, String layerId) {
        for (JsonNode reference : lens.path("references")) {
            if (reference.path("name").asText().equals("indexpattern-datasource-layer-" + layerId)) {
                String title = byId(reference.path("id").asText()).path("attributes").path("title").asText();
                for (IndexKind kind : IndexKind.values()) {
                    if (IndexLayout.defaults().alias(kind).equals(title)) {
                        return kind;
                    }
                }
            }
        }
        throw new AssertionError(lens.path("id").asText() + " has no data view reference for layer " + layerId);
    }

    /** The mapping of a dotted field path, following object properties and multi-fields. */
    private static JsonNode field(IndexKind kind, String path) {
        JsonNode properties = TemplateResources.properties(kind);
        JsonNode current = null;
        for (String part : path.split("\\.")) {
            if (current == null) {
                current = properties.path(part);
            } else if (current.path("properties").has(part)) {
                current = current.path("properties").path(part);
            } else {
                current = current.path("fields").path(part);
            }
            if (current.isMissingNode()) {
                return current;
            }
        }
        return current;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> queryFields(String kql) {
        List<String> fields = new ArrayList<>();
        Matcher matcher = Pattern.compile("([A-Za-z][A-Za-z0-9_.]*)\\s*:").matcher(kql);
        while (matcher.find()) {
            fields.add(matcher.group(1));
        }
        return fields;
    }

    private static List<String> visualisationAccessors(JsonNode visualization) {
        List<String> accessors = new ArrayList<>();
        for (String key : List.of("xAccessor", "yAccessor", "valueAccessor")) {
            if (visualization.hasNonNull(key)) {
                accessors.add(visualization.get(key).asText());
            }
        }
        visualization.path("layers").forEach(layer -> {
            if (layer.hasNonNull("xAccessor")) {
                accessors.add(layer.get("xAccessor").asText());
            }
            if (layer.hasNonNull("splitAccessor")) {
                accessors.add(layer.get("splitAccessor").asText());
            }
            layer.path("accessors").forEach(a -> accessors.add(a.asText()));
        });
        visualization.path("columns").forEach(c -> accessors.add(c.path("columnId").asText()));
        return accessors;
    }

    private JsonNode byId(String id) {
        return objects.stream().filter(o -> o.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no saved object " + id));
    }
}
