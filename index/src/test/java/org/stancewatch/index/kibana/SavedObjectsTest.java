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
    private static final List<String> HEATMAPS = List.of("stancewatch-actor-topic-heatmap",
            "stancewatch-holder-target-matrix");
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
    void dashboardPanelsUseKibana8ReferenceNamesThatResolveWithoutTheLegacyFallback() throws Exception {
        // Kibana 9 (dashboard server transforms: transformPanelsIn / transformPanelsOut) stores a panel's saved
        // object as the reference "<panelIndex>:panel_<panelIndex>" and panelRefName "panel_<panelIndex>"; a bare
        // "panel_1" reference only resolves through the fallback kept for pre-7.13 dashboards.
        JsonNode dashboard = byId(SavedObjects.DASHBOARD_ID);
        JsonNode panels = Json.mapper().readTree(dashboard.path("attributes").path("panelsJSON").asText());
        Map<String, String> idByName = new HashMap<>();
        dashboard.path("references").forEach(r -> idByName.put(r.path("name").asText(), r.path("id").asText()));
        assertThat(panels).hasSize(idByName.size());
        Set<String> shown = new HashSet<>();
        for (JsonNode panel : panels) {
            String index = panel.path("panelIndex").asText();
            assertThat(panel.path("gridData").path("i").asText()).isEqualTo(index);
            assertThat(panel.path("panelRefName").asText()).isEqualTo("panel_" + index);
            String name = index + ":" + panel.path("panelRefName").asText();
            assertThat(idByName).as("reference for panel " + index).containsKey(name);
            shown.add(idByName.get(name));
        }
        assertThat(shown).hasSize(panels.size());
        assertThat(idByName.keySet()).allSatisfy(name -> assertThat(name).matches("[^:]+:panel_[^:]+"));
        Json.mapper().readTree(dashboard.path("attributes").path("optionsJSON").asText());
        Json.mapper().readTree(dashboard.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText());
    }

    @Test
    void theAlertsTableRanksEveryGroupingByTheAbsoluteSignificanceNotTheSignedChange() {
        JsonNode columns = alertsTableColumns();
        JsonNode strength = columns.path("strength");
        assertThat(strength.path("operationType").asText()).isEqualTo("max");
        // significance is the detector's signed z (ShiftDetector: shrink * change / SE), so a sharp drop is
        // negative: the ranking field is its absolute value, a runtime field of the alerts data view
        String script = runtimeField(IndexKind.ALERTS, strength.path("sourceField").asText())
                .path("script").path("source").asText();
        assertThat(script).contains("Math.abs(doc['significance'].value)");
        List<String> bucketed = new ArrayList<>();
        columns.properties().forEach(column -> {
            if (column.getValue().path("operationType").asText().equals("terms")) {
                bucketed.add(column.getKey());
                assertThat(column.getValue().path("params").path("orderBy").path("columnId").asText())
                        .as(column.getKey()).isEqualTo("strength");
                assertThat(column.getValue().path("params").path("orderDirection").asText())
                        .as(column.getKey()).isEqualTo("desc");
            }
        });
        assertThat(bucketed).contains("kind", "actor", "topic", "outlet", "direction");
        JsonNode sorting = lens("stancewatch-alerts-table").path("state").path("visualization").path("sorting");
        assertThat(sorting.path("columnId").asText()).isEqualTo("strength");
        assertThat(sorting.path("direction").asText()).isEqualTo("desc");
    }

    @Test
    void theAlertsTableShowsEachAlertsWindowAsAValueNotAsAHistogramBucket() {
        JsonNode columns = alertsTableColumns();
        columns.properties().forEach(column -> assertThat(column.getValue().path("operationType").asText())
                .as(column.getKey()).isNotEqualTo("date_histogram"));
        JsonNode window = columns.path("windowEnd");
        assertThat(window.path("operationType").asText()).isEqualTo("last_value");
        assertThat(window.path("sourceField").asText()).isEqualTo("windowEnd");
        // one alert per row: the innermost bucket is the alert's id, so the last value is that alert's window
        JsonNode alert = columns.path("alert");
        assertThat(alert.path("sourceField").asText()).isEqualTo("id");
        List<String> order = new ArrayList<>();
        alertsTableLayer().path("columnOrder").forEach(c -> order.add(c.asText()));
        List<String> buckets = order.stream().filter(c -> columns.path(c).path("isBucketed").asBoolean()).toList();
        assertThat(buckets.getLast()).isEqualTo("alert");
        JsonNode shown = lens("stancewatch-alerts-table").path("state").path("visualization").path("columns");
        List<String> visible = new ArrayList<>();
        shown.forEach(c -> {
            if (!c.path("hidden").asBoolean(false)) {
                visible.add(c.path("columnId").asText());
            }
        });
        assertThat(visible).contains("windowEnd", "evidence", "change", "significance").doesNotContain("alert");
    }

    @Test
    void theAlertsTableShowsTheAlertKindAsAColumnOneCanFilterBy() {
        JsonNode kind = alertsTableColumns().path("kind");
        // a bucketed (top values) column: its cells offer Kibana's "filter for value"
        assertThat(kind.path("operationType").asText()).isEqualTo("terms");
        assertThat(kind.path("isBucketed").asBoolean()).isTrue();
        assertThat(kind.path("params").path("size").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode field = runtimeField(IndexKind.ALERTS, kind.path("sourceField").asText());
        // alerts indexed before kinds existed have no kind field: they read as tone, not as a missing value
        assertThat(field.path("type").asText()).isEqualTo("keyword");
        assertThat(field.path("script").path("source").asText()).contains("doc['kind']").contains("'tone'");
        assertThat(TemplateResources.properties(IndexKind.ALERTS).path("kind").path("type").asText()).isEqualTo("keyword");
        List<String> shown = new ArrayList<>();
        lens("stancewatch-alerts-table").path("state").path("visualization").path("columns")
                .forEach(c -> shown.add(c.path("columnId").asText()));
        assertThat(shown).contains("kind");
    }

    @Test
    void heatmapsColourMeanStanceWithADivergingPaletteFixedAtMinusOneToOne() {
        for (String id : HEATMAPS) {
            JsonNode palette = lens(id).path("state").path("visualization").path("palette");
            assertThat(palette.path("accessor").asText()).as(id).isEqualTo(
                    lens(id).path("state").path("visualization").path("valueAccessor").asText());
            JsonNode params = palette.path("params");
            assertThat(params.path("name").asText()).as(id).isEqualTo("custom");
            assertThat(params.path("rangeType").asText()).as(id).isEqualTo("number");
            assertThat(params.path("rangeMin").asDouble()).as(id).isEqualTo(-1.0);
            assertThat(params.path("rangeMax").asDouble()).as(id).isEqualTo(1.0);
            assertThat(params.path("progression").asText()).as(id).isEqualTo("fixed");
            assertThat(params.path("continuity").asText()).as(id).isEqualTo("none");
            List<Double> lower = stops(params.path("colorStops"));
            List<Double> upper = stops(params.path("stops"));
            assertThat(lower.getFirst()).as(id).isEqualTo(-1.0);
            assertThat(upper.getLast()).as(id).isEqualTo(1.0);
            assertThat(lower).as(id).isSorted();
            assertThat(upper).as(id).isSorted().hasSameSizeAs(lower);
            assertThat(upper.subList(0, upper.size() - 1)).as(id).isEqualTo(lower.subList(1, lower.size()));
            assertDiverging(id, params.path("stops"));
        }
    }

    @Test
    void heatmapsStayReadableAtMostTenRowsByEightColumns() {
        for (String id : HEATMAPS) {
            JsonNode visualization = lens(id).path("state").path("visualization");
            JsonNode layer = lens(id).path("state").path("datasourceStates").path("formBased").path("layers")
                    .path("layer1");
            int rows = layer.path("columns").path(visualization.path("yAccessor").asText()).path("params")
                    .path("size").asInt();
            int columns = layer.path("columns").path(visualization.path("xAccessor").asText()).path("params")
                    .path("size").asInt();
            assertThat(rows).as(id + " rows").isBetween(1, 10);
            assertThat(columns).as(id + " columns").isBetween(1, 8);
            // the rows are the outer aggregation, so they are the overall top N, not a top N per column
            assertThat(layer.path("columnOrder").get(0).asText()).as(id)
                    .isEqualTo(visualization.path("yAccessor").asText());
        }
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
                    String type = fieldType(kind, source);
                    assertThat(type).as("%s uses %s.%s", id, kind.word(), source).isIn(AGGREGATABLE);
                    switch (operation) {
                        case "date_histogram" -> assertThat(type).as(id + " " + source).isEqualTo("date");
                        case "average", "max", "min", "sum", "median" -> assertThat(type).as(id + " " + source).isIn(NUMERIC);
                        case "last_value" -> assertThat(fieldType(kind, spec.path("params").path("sortField").asText()))
                                .as(id + " " + source + " sorted by").isEqualTo("date");
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

    private JsonNode lens(String id) {
        return byId(id).path("attributes");
    }

    private JsonNode alertsTableLayer() {
        return lens("stancewatch-alerts-table").path("state").path("datasourceStates").path("formBased")
                .path("layers").path("layer1");
    }

    private JsonNode alertsTableColumns() {
        return alertsTableLayer().path("columns");
    }

    /** A runtime field of the kind's data view, or a missing node. */
    private JsonNode runtimeField(IndexKind kind, String name) {
        String map = byId(IndexLayout.defaults().alias(kind)).path("attributes").path("runtimeFieldMap").asText("{}");
        try {
            return Json.mapper().readTree(map).path(name);
        } catch (java.io.IOException e) {
            throw new AssertionError("the runtimeFieldMap of " + kind.word() + " is not JSON", e);
        }
    }

    /** The field's type in the index template, else the type of the data view's runtime field of that name. */
    private String fieldType(IndexKind kind, String path) {
        JsonNode mapped = field(kind, path);
        if (!mapped.isMissingNode()) {
            return mapped.path("type").asText();
        }
        return runtimeField(kind, path).path("type").asText();
    }

    private static List<Double> stops(JsonNode stops) {
        List<Double> values = new ArrayList<>();
        stops.forEach(s -> values.add(s.path("stop").asDouble()));
        return values;
    }

    /**
     * Diverging: the band holding 0 is the lightest, colours darken toward both ends, and the two ends
     * lean to different hues (red for hostile, blue for friendly).
     */
    private static void assertDiverging(String id, JsonNode upperStops) {
        List<int[]> colours = new ArrayList<>();
        int middle = -1;
        double lowerBound = -1;
        for (JsonNode stop : upperStops) {
            if (middle < 0 && lowerBound <= 0 && 0 < stop.path("stop").asDouble()) {
                middle = colours.size();
            }
            lowerBound = stop.path("stop").asDouble();
            String hex = stop.path("color").asText();
            colours.add(new int[] {Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
                    Integer.parseInt(hex.substring(5, 7), 16)});
        }
        assertThat(middle).as(id + ": a band around 0").isPositive().isLessThan(colours.size() - 1);
        for (int i = 0; i < colours.size() - 1; i++) {
            double here = luminance(colours.get(i));
            double next = luminance(colours.get(i + 1));
            if (i < middle) {
                assertThat(here).as(id + " darker away from 0 (band " + i + ")").isLessThan(next);
            } else {
                assertThat(here).as(id + " darker away from 0 (band " + i + ")").isGreaterThan(next);
            }
        }
        int[] negative = colours.getFirst();
        int[] positive = colours.getLast();
        assertThat(negative[0]).as(id + ": the negative end is reddish").isGreaterThan(negative[2]);
        assertThat(positive[2]).as(id + ": the positive end is bluish").isGreaterThan(positive[0]);
    }

    private static double luminance(int[] rgb) {
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
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
