package org.stancewatch.notify.ledger;

import java.util.Map;
import java.util.function.BiConsumer;

/** Where the ledger's records live: the compacted topic, or a fake in unit tests. */
public interface LedgerLog extends AutoCloseable {

    /** Hands every record, oldest first, up to the end as it is at the call. */
    void readAll(BiConsumer<String, byte[]> record);

    /**
     * Writes the records and returns once all of them are durable.
     *
     * @throws LedgerException when they could not be written
     */
    void write(Map<String, byte[]> records);

    @Override
    void close();
}
