package org.stancewatch.index.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Medians and ranges over benchmark rounds: one slow moment of a shared machine moves neither much. */
final class Medians {
    private Medians() {}

    static <T> double median(List<T> rounds, ToDoubleFunction<T> value) {
        double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    static <T> String range(List<T> rounds, ToDoubleFunction<T> value, String format) {
        double[] values = rounds.stream().mapToDouble(value).toArray();
        return String.format(java.util.Locale.ROOT, format + "–" + format, Arrays.stream(values).min().orElse(0),
                Arrays.stream(values).max().orElse(0));
    }
}
