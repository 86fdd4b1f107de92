package org.stancewatch.app.faults;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * Holds the crawler's transaction open for a while once its article has gone to the broker: it
 * pauses before the page's crawl-state record is sent, the last record of the transaction.
 *
 * <p>The crawler commits each page on its own, and fetches outside the transaction; on a local
 * broker a transaction is open for a few milliseconds per page, so a kill at a random moment
 * would almost never land inside one. The pause stands in for a slow broker or network, and
 * makes a random kill likely to cut a transaction, which is what the test is after.
 *
 * <p>Given to the crawler as a client property ({@code interceptor.classes}), which the crawler
 * hands to its consumers too: for them it is a consumer interceptor that does nothing.
 */
public final class TransactionPause implements ProducerInterceptor<Object, Object>, ConsumerInterceptor<Object, Object> {
    /** The pause in milliseconds, a client property. */
    static final String PAUSE_MS = "stancewatch.test.transaction-pause-ms";

    private final AtomicBoolean articleSent = new AtomicBoolean();
    private long pauseMs;

    @Override
    public void configure(Map<String, ?> configs) {
        Object pause = configs.get(PAUSE_MS);
        pauseMs = pause == null ? 0 : Long.parseLong(pause.toString());
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (record.topic().equals(KafkaTopics.ARTICLES.name())) {
            articleSent.set(true);
        } else if (record.topic().equals(KafkaTopics.CRAWL_STATE.name()) && articleSent.getAndSet(false)) {
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

    @Override
    public void close() {}
}
