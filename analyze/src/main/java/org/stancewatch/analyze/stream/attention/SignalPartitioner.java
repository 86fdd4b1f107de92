package org.stancewatch.analyze.stream.attention;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where the attention detector's signals go among its partitions: a series' signals to the
 * partition of its key, a day's total to every partition, so that every series learns of a day's
 * growth even on days it is not mentioned.
 */
public final class SignalPartitioner implements StreamPartitioner<String, AttentionSignal> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, AttentionSignal signal, int partitions) {
        if (signal.isTotal()) {
            return Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()));
        }
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)))
                % partitions));
    }
}
