package org.stancewatch.index.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by the processes of a benchmark run (the Elasticsearch node, the Kafka broker and
 * this JVM, which holds the client under test), from the operating system's accounting. On a
 * shared machine this says where the cores went, which wall-clock rates alone cannot.
 */
final class CpuMeter {
    private final Map<String, Long> pids = new LinkedHashMap<>();

    CpuMeter(long elasticsearchPid, long kafkaPid) {
        pids.put("elasticsearch", elasticsearchPid);
        pids.put("kafka", kafkaPid);
        pids.put("client", ProcessHandle.current().pid());
    }

    /**
     * CPU time so far per process, in nanoseconds (0 where the system does not say), and this
     * JVM's by thread role ({@link ThreadCpu}), under keys starting with {@value #THREAD}.
     */
    Map<String, Long> sample() {
        Map<String, Long> sample = new LinkedHashMap<>();
        pids.forEach((name, pid) -> sample.put(name, ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L)));
        ThreadCpu.sample().forEach((role, nanos) -> sample.put(THREAD + role, nanos));
        return sample;
    }

    /** The prefix of the thread roles' keys. */
    static final String THREAD = "thread: ";

    /** CPU nanoseconds per process between two samples. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> used = new LinkedHashMap<>();
        after.forEach((name, nanos) -> used.put(name, nanos - before.getOrDefault(name, 0L)));
        return used;
    }
}
