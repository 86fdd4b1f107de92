package org.stancewatch.index.sink;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import org.junit.jupiter.api.Test;
import org.stancewatch.index.sink.ItemOutcome.Verdict;

class ItemOutcomeTest {
    @Test
    void anItemWithoutErrorIsIndexedEvenADeleteOfAMissingDocument() {
        assertThat(ItemOutcome.of(201, null).verdict()).isEqualTo(Verdict.INDEXED);
        assertThat(ItemOutcome.of(404, null).verdict()).isEqualTo(Verdict.INDEXED);
    }

    @Test
    void aVersionConflictMeansANewerRevisionIsAlreadyThere() {
        assertThat(ItemOutcome.of(409, error("version_conflict_engine_exception", "current version [3] is higher"))
                .verdict()).isEqualTo(Verdict.SUPERSEDED);
    }

    @Test
    void theClustersTroubleIsRetriedForAsLongAsItTakesNeverDeadLettered() {
        assertThat(ItemOutcome.of(429, error("es_rejected_execution_exception", "queue full")).verdict())
                .isEqualTo(Verdict.RETRY);
        assertThat(ItemOutcome.of(429, error("cluster_block_exception", "index [stancewatch-mentions-000001] "
                + "blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-"
                + "allow-delete block]")).verdict()).isEqualTo(Verdict.RETRY);
        assertThat(ItemOutcome.of(503, error("unavailable_shards_exception", "primary shard is not active")).verdict())
                .isEqualTo(Verdict.RETRY);
    }

    @Test
    void aMissingIndexIsCreatedAgainNotADeadLetter() {
        assertThat(ItemOutcome.of(404, error("index_not_found_exception", "no such index [stancewatch-mentions] and "
                + "[require_alias] request flag is [true]")).verdict()).isEqualTo(Verdict.INDEX_MISSING);
    }

    @Test
    void aMappingErrorRejectsTheDocumentWithElasticsearchsReasonAndCause() {
        ErrorCause cause = ErrorCause.of(e -> e.type("illegal_argument_exception").reason("failed to parse date field"));
        ItemOutcome outcome = ItemOutcome.of(400, ErrorCause.of(e -> e.type("document_parsing_exception")
                .reason("failed to parse field [publishedAt] of type [date]").causedBy(cause)));
        assertThat(outcome.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(outcome.reason()).isEqualTo("document-rejected");
        assertThat(outcome.message()).isEqualTo("document_parsing_exception: failed to parse field [publishedAt] of "
                + "type [date] (caused by illegal_argument_exception: failed to parse date field)");
    }

    private static ErrorCause error(String type, String reason) {
        return ErrorCause.of(e -> e.type(type).reason(reason));
    }
}
