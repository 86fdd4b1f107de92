package org.stancewatch.index.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads by role (the indexer's consumer thread, the HTTP client's I/O
 * threads, garbage collection, the JIT compilers...): where the client side's share goes. Java
 * threads come from the {@link ThreadMXBean}; the JVM's own threads (GC, compilers) from Linux's
 * {@code /proc/self/task}, and are missing elsewhere. A thread that ended between two samples
 * drops out, so sample before closing what is measured.
 */
final class ThreadCpu {
    private ThreadCpu() {}

    /** CPU nanoseconds so far per role. */
    static Map<String, Long> sample() {
        Map<String, Long> byRole = new TreeMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long nanos = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                byRole.merge(role(info.getThreadName()), nanos, Long::sum);
            }
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                String name = read(task.resolve("comm"));
                String role = name.startsWith("GC ") || name.startsWith("G1 ") ? "jvm: garbage collection"
                        : name.startsWith("C1 ") || name.startsWith("C2 ") ? "jvm: JIT compilers" : null;
                if (role != null) {
                    byRole.merge(role, ticksToNanos(read(task.resolve("stat"))), Long::sum);
                }
            });
        } catch (IOException | RuntimeException notLinux) {
            // only the Java threads then
        }
        return byRole;
    }

    private static String role(String thread) {
        if (thread.equals("stancewatch-indexer")) {
            return "indexer: consumer thread (poll, decode, add to bulk, serialise request)";
        } else if (thread.startsWith("elasticsearch-rest-client")) {
            return "indexer: HTTP I/O threads (send, receive, parse responses)";
        } else if (thread.startsWith("bulk-ingester")) {
            return "indexer: bulk listener (check items, acknowledge)";
        } else if (thread.startsWith("stancewatch-index-")) {
            return "indexer: revision clean-up and retries";
        } else if (thread.startsWith("kafka-")) {
            return "indexer: Kafka client threads";
        } else if (thread.startsWith("HttpClient")) {
            return "raw: JDK HTTP client threads";
        }
        return "other (benchmark's own threads, Maven)";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** utime + stime of a {@code /proc/.../stat} line, in nanoseconds (clock ticks of 10 ms). */
    private static long ticksToNanos(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }
}
