package org.stancewatch.analyze.stance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory, as Linux counts it (the benchmarks print it beside the heap). */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** "N MiB (peak M MiB)" from /proc/self/status, or "unknown" elsewhere. */
    public static String resident() {
        long now = kibibytes("VmRSS:");
        long peak = kibibytes("VmHWM:");
        return now < 0 ? "unknown" : String.format("%,d MiB (peak %,d MiB)", now >> 10, peak >> 10);
    }

    /** The resident set in MiB now, or -1 where it cannot be read. */
    public static long residentMib() {
        long now = kibibytes("VmRSS:");
        return now < 0 ? -1 : now >> 10;
    }

    private static long kibibytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
