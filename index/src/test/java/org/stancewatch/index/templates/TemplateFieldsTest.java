package org.stancewatch.index.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;

/**
 * The mappings are not dynamic: a field added to a record but not to its template would be kept
 * in the source yet could not be queried. Every record field has a mapping.
 */
class TemplateFieldsTest {

    @Test
    void everyFieldOfEveryRecordIsMapped() {
        Map<IndexKind, Class<? extends Record>> records = Map.of(
                IndexKind.ARTICLES, Article.class,
                IndexKind.MENTIONS, Mention.class,
                IndexKind.STANCE, StanceBucket.class,
                IndexKind.ALERTS, Alert.class);

        records.forEach((kind, type) -> {
            var mapped = TemplateResources.properties(kind);
            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .as("fields of %s mapped in %s-mappings.json", type.getSimpleName(), kind.word())
                    .allSatisfy(field -> assertThat(mapped.has(field)).as(field).isTrue());
        });
    }
}
