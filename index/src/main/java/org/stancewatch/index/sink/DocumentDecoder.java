package org.stancewatch.index.sink;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.stancewatch.index.templates.IndexKind;
import org.stancewatch.index.templates.IndexLayout;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.json.MalformedRecordException;
import org.stancewatch.model.json.RecordFormatException;

/**
 * Turns a Kafka record into the bulk operation that writes it.
 *
 * <ul>
 *   <li>The record is read with the model's codec (which checks it), and its bytes, as the
 *       codec wrote them upstream (schema version included), are the document: no second
 *       serialisation, and what Elasticsearch holds reads back with the same codec.
 *   <li>The document id is the record's id: a replay overwrites instead of duplicating.
 *   <li>Articles and mentions carry their article revision as an external version
 *       ({@code external_gte}): a newer revision overwrites, a late older one is refused (409)
 *       and counted as superseded, so an old revision can never overwrite a new one.
 *   <li>A tombstone (null value) deletes the document whose id is the key.
 * </ul>
 * A record that cannot be read throws {@link RecordFormatException}; it goes to the dead-letter
 * topic.
 */
final class DocumentDecoder {
    private final IndexLayout layout;

    DocumentDecoder(IndexLayout layout) {
        this.layout = layout;
    }

    PendingDocument decode(ConsumerRecord<byte[], byte[]> record, IndexKind kind) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        String alias = layout.alias(kind);
        if (record.value() == null) {
            if (key == null || key.isBlank()) {
                throw new MalformedRecordException(kind.word(), "a tombstone (null value) without a key", null);
            }
            BulkOperation delete = BulkOperation.of(op -> op.delete(d -> d.index(alias).id(key)));
            return new PendingDocument(partition, record.offset(), key, null, kind, key, null, 0, delete);
        }
        return switch (kind) {
            case ARTICLES -> {
                Article article = Codecs.ARTICLE.read(record.value());
                yield versioned(record, partition, key, kind, article.id(), article.id(), article.revision());
            }
            case MENTIONS -> {
                Mention mention = Codecs.MENTION.read(record.value());
                yield versioned(record, partition, key, kind, mention.id(), mention.articleId(), mention.revision());
            }
            case STANCE -> {
                StanceBucket bucket = Codecs.STANCE_BUCKET.read(record.value());
                yield plain(record, partition, key, kind, bucket.id());
            }
            case ALERTS -> {
                Alert alert = Codecs.ALERT.read(record.value());
                yield plain(record, partition, key, kind, alert.id());
            }
        };
    }

    private PendingDocument versioned(ConsumerRecord<byte[], byte[]> record, TopicPartition partition, String key,
            IndexKind kind, String id, String articleId, int revision) {
        BinaryData document = BinaryData.of(record.value(), ContentType.APPLICATION_JSON);
        BulkOperation index = BulkOperation.of(op -> op.index(i -> i.index(layout.alias(kind)).id(id)
                .versionType(VersionType.ExternalGte).version((long) revision).document(document)));
        return new PendingDocument(partition, record.offset(), key, record.value(), kind, id, articleId, revision,
                index);
    }

    private PendingDocument plain(ConsumerRecord<byte[], byte[]> record, TopicPartition partition, String key,
            IndexKind kind, String id) {
        BinaryData document = BinaryData.of(record.value(), ContentType.APPLICATION_JSON);
        BulkOperation index = BulkOperation.of(op -> op.index(i -> i.index(layout.alias(kind)).id(id).document(document)));
        return new PendingDocument(partition, record.offset(), key, record.value(), kind, id, null, 0, index);
    }
}
