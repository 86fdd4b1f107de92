package org.stancewatch.analyze.stream;

import java.nio.file.Path;
import java.time.Duration;
import org.stancewatch.analyze.stream.support.KeywordStanceScorer;

/**
 * The analyze job alone in a JVM, for {@link RestartIT} to kill with SIGKILL in the middle of
 * its work. Arguments: bootstrap servers, application id, topic suffix, state folder, scoring
 * delay in ms. Runs until killed.
 */
public final class KilledJobMain {
    private KilledJobMain() {}

    public static void main(String[] args) throws InterruptedException {
        AnalyzeSettings settings = RestartIT.settings(args[0], args[1], args[2], Path.of(args[3]));
        AnalyzeJob job = AnalyzeJob.start(settings, new KeywordStanceScorer(Duration.ofMillis(Long.parseLong(args[4]))));
        job.awaitRunning(Duration.ofMinutes(2));
        System.out.println("analyze job running");
        Thread.sleep(Long.MAX_VALUE);
    }
}
