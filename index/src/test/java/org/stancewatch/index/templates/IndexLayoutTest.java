package org.stancewatch.index.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.json.Json;

class IndexLayoutTest {
    @Test
    void theDefaultNamesAreTheDesignsAliasesOverNumberedIndices() {
        IndexLayout layout = IndexLayout.defaults();
        assertThat(layout.alias(IndexKind.MENTIONS)).isEqualTo("stancewatch-mentions");
        assertThat(layout.firstIndex(IndexKind.MENTIONS)).isEqualTo("stancewatch-mentions-000001");
        assertThat(layout.indexPattern(IndexKind.ALERTS)).isEqualTo("stancewatch-alerts-*");
        assertThat(layout.mappingsComponent(IndexKind.STANCE)).isEqualTo("stancewatch-stance-mappings");
    }

    @Test
    void refusesPrefixesElasticsearchWouldRefuse() {
        assertThatThrownBy(() -> new IndexLayout("Stance")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndexLayout("-x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIndexTemplateOfAnotherPrefixNamesItsOwnPatternAndComponents() throws Exception {
        JsonNode template = Json.mapper().readTree(TemplateResources.indexTemplate(IndexKind.ARTICLES,
                new IndexLayout("test-1")));
        assertThat(template.path("index_patterns").toString()).isEqualTo("[\"test-1-articles-*\"]");
        assertThat(template.path("composed_of").toString())
                .isEqualTo("[\"test-1-settings\",\"test-1-articles-mappings\"]");
        assertThat(template.path("priority").asInt()).isEqualTo(200);
    }

    @Test
    void templatesNeedNothingTheMinimalNodeLacks() {
        String settings = TemplateResources.settingsComponent();
        assertThat(settings).contains("\"auto_expand_replicas\": \"0-1\"");
        for (IndexKind kind : IndexKind.values()) {
            String text = TemplateResources.mappingsComponent(kind) + TemplateResources.indexTemplate(kind);
            assertThat(text).doesNotContain("english").doesNotContain("data_stream").doesNotContain("lifecycle");
            assertThat(TemplateResources.mappings(kind).path("dynamic").asBoolean(true)).isFalse();
        }
    }
}
