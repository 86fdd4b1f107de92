package org.stancewatch.analyze.stream.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.stancewatch.analyze.stream.AnalyzeJob;
import org.stancewatch.analyze.stream.monitor.JobState;

/** Assertions on a running job's state. */
public final class JobStates {
    private JobStates() {
    }

    /**
     * Asserts that the job is running, waiting out a rebalance of either of its applications: a replaced
     * stream thread or a late topic assignment shows as {@link JobState#STARTING} for a few seconds, and a
     * job that failed or stopped never comes back to running.
     */
    public static void assertSettlesRunning(AnalyzeJob job) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(job.state()).isEqualTo(JobState.RUNNING));
    }
}
