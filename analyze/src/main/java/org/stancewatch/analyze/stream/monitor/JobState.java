package org.stancewatch.analyze.stream.monitor;

import org.apache.kafka.streams.KafkaStreams;

/** The analyze job's state: both of its Kafka Streams applications seen as one. */
public enum JobState {
    /** starting, or rebalancing partitions between instances. */
    STARTING,
    /** both applications are processing. */
    RUNNING,
    /** closing or closed. */
    STOPPED,
    /** an application stopped on an error it could not handle; see the log. */
    FAILED;

    /** The job's state from those of its applications. */
    public static JobState of(KafkaStreams.State scoring, KafkaStreams.State aggregation) {
        if (scoring == KafkaStreams.State.ERROR || aggregation == KafkaStreams.State.ERROR) {
            return FAILED;
        }
        if (!scoring.isRunningOrRebalancing() || !aggregation.isRunningOrRebalancing()) {
            return scoring == KafkaStreams.State.CREATED || aggregation == KafkaStreams.State.CREATED ? STARTING : STOPPED;
        }
        return scoring == KafkaStreams.State.RUNNING && aggregation == KafkaStreams.State.RUNNING ? RUNNING : STARTING;
    }
}
