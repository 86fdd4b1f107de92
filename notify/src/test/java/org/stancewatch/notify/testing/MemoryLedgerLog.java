package org.stancewatch.notify.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.stancewatch.notify.ledger.LedgerLog;

/** The ledger's log as a list in memory: what a compacted topic holds, before compaction. */
public final class MemoryLedgerLog implements LedgerLog {
    private final List<Map.Entry<String, byte[]>> records = new ArrayList<>();

    @Override
    public synchronized void readAll(BiConsumer<String, byte[]> record) {
        List.copyOf(records).forEach(r -> record.accept(r.getKey(), r.getValue()));
    }

    @Override
    public synchronized void write(Map<String, byte[]> written) {
        written.forEach((k, v) -> records.add(Map.entry(k, v)));
    }

    public synchronized int size() {
        return records.size();
    }

    @Override
    public void close() {}
}
