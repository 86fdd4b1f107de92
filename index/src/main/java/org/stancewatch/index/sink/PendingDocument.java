package org.stancewatch.index.sink;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.apache.kafka.common.TopicPartition;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.model.DeadLetter;

/**
 * One Kafka record on its way into Elasticsearch: where it came from (to acknowledge its offset
 * once Elasticsearch has it) and the bulk operation that writes it.
 *
 * It keeps the record's key and value as received (the dead-letter payload; a null value is a
 * tombstone), the document id (the record's id), and for articles and mentions the article id
 * and revision (for the revision clean-up).
 */
final class PendingDocument {
    private final TopicPartition partition;
    private final long offset;
    private final String key;
    private final byte[] value;
    private final IndexKind kind;
    private final String id;
    private final String articleId;
    private final int revision;
    private final BulkOperation operation;
    private int retries; // touched by one thread at a time: the document is in one place at a time

    PendingDocument(TopicPartition partition, long offset, String key, byte[] value, IndexKind kind, String id,
            String articleId, int revision, BulkOperation operation) {
        this.partition = partition;
        this.offset = offset;
        this.key = key;
        this.value = value;
        this.kind = kind;
        this.id = id;
        this.articleId = articleId;
        this.revision = revision;
        this.operation = operation;
    }

    TopicPartition partition() {
        return partition;
    }

    long offset() {
        return offset;
    }

    String key() {
        return key;
    }

    byte[] value() {
        return value;
    }

    IndexKind kind() {
        return kind;
    }

    String id() {
        return id;
    }

    String articleId() {
        return articleId;
    }

    int revision() {
        return revision;
    }

    BulkOperation operation() {
        return operation;
    }

    /** Counts one more retry and returns the count. */
    synchronized int retried() {
        return ++retries;
    }

    /** Documents of the same kind and id are written one after another, never concurrently. */
    String slotKey() {
        return kind.word() + '/' + id;
    }

    long sizeInBytes() {
        return value == null ? 64 : value.length;
    }

    boolean isDelete() {
        return operation.isDelete();
    }

    /**
     * Whether this is a late copy of an older revision of {@code other}'s document: both write an
     * article or mention, and this one's revision is lower. Offsets alone cannot tell: a copy of
     * revision 1 can follow revision 2 on the topic.
     */
    boolean isOlderRevisionThan(PendingDocument other) {
        return !isDelete() && !other.isDelete() && other.id.equals(id) && revision < other.revision;
    }

    /** {@code topic-partition@offset}: the dead-letter subject. */
    String subject() {
        return DeadLetter.subjectOf(partition.topic(), partition.partition(), offset);
    }
}
