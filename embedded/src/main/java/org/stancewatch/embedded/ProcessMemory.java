package org.stancewatch.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The resident memory of a process, as Linux reports it (elsewhere: unknown). */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** Resident set size in bytes, from {@code /proc/<pid>/status}. */
    public static OptionalLong residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").strip();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return OptionalLong.empty();
    }

    /** E.g. "412 MiB", or "? MiB" when unknown. */
    public static String describe(long pid) {
        OptionalLong bytes = residentBytes(pid);
        return bytes.isPresent() ? (bytes.getAsLong() >> 20) + " MiB" : "? MiB";
    }
}
