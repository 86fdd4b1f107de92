package org.stancewatch.analyze.stream.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the detection studies (tone shifts, attention bursts) share: their median and where their tables go. */
public final class DetectionStudies {
    private DetectionStudies() {}

    /** The median of the values; NaN for none. */
    public static double median(List<Long> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    /** Prints the study's table and writes it to {@code target/<file>}, where the docs say to find it. */
    public static void publish(String report, String file) throws IOException {
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", file), report);
    }
}
