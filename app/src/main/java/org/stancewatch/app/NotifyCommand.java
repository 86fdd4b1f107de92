package org.stancewatch.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.stancewatch.app.pipeline.ClusterKafkaTopics;
import org.stancewatch.app.pipeline.KafkaConnection;
import org.stancewatch.model.kafka.KafkaTopicSetup;
import org.stancewatch.notify.Notifier;
import org.stancewatch.notify.NotifierProgress;
import org.stancewatch.notify.NotifierSettings;
import org.stancewatch.notify.NotifierSetup;
import org.stancewatch.notify.config.AlertsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch notify}: the notify stage, until Ctrl-C. */
@Command(name = "notify",
        mixinStandardHelpOptions = true,
        header = "Tells people about alerts and sources' changes of health, by e-mail, webhook or Atom feed, until Ctrl-C.",
        description = {
            "Consumes stancewatch.alerts and stancewatch.sources as a member of the consumer group stancewatch-notify, "
                    + "matches each alert (tone or attention) and each change of a source's health against the "
                    + "watchlists of the alerts file, and sends it through their channels. Creates the Kafka topics "
                    + "where they are missing.",
            "",
            "The alerts file is the one given with --alerts-file, else ./config/alerts.yml, else the bundled default, "
                    + "which writes every notice to an Atom feed at STANCEWATCH_HOME/notify/alerts.atom (./data/...).",
            "",
            "Each notice reaches each of its channels once: the ledger (topic stancewatch.notify-ledger) records it "
                    + "pending before the offsets are committed and sent once the channel accepted it, so a restart, "
                    + "even after a kill, neither loses nor repeats it (a kill in the instant between a channel "
                    + "accepting and the ledger recording repeats it with the same id, which receivers can recognise). "
                    + "A failing channel is retried with back-off (1 s to 5 min) and shown in the progress line; others "
                    + "go on. A channel's refusal (e.g. HTTP 4xx) and unreadable records go to stancewatch.notify.dlq.",
            "",
            "Uses KAFKA_BOOTSTRAP_SERVERS (and its security settings), and the environment variables the alerts "
                    + "file names for secrets (tokenEnv, passwordEnv). See docs/alerts.md."
        })
final class NotifyCommand implements Callable<Integer> {

    @Option(names = "--alerts-file", paramLabel = "FILE",
            description = "alerts file: channels and watchlists (default: ./config/alerts.yml, else the bundled one)")
    Path alertsFile;

    @Option(names = "--from-beginning",
            description = "when this consumer group has never run: tell about every alert already on the topic, "
                    + "not only new ones (default: new ones only)")
    boolean fromBeginning;

    @Option(names = "--group", paramLabel = "ID", defaultValue = NotifierSettings.DEFAULT_GROUP_ID,
            description = "Kafka consumer group (default: ${DEFAULT-VALUE})")
    String group;

    @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "print a progress line this often, when it changed; 0 for none (default: ${DEFAULT-VALUE})")
    int progressEvery;

    @Override
    public Integer call() throws InterruptedException {
        AlertsConfig alerts = NotifierSetup.installed().alerts(Optional.ofNullable(alertsFile));
        KafkaConnection kafka = ClusterSettings.kafka();
        ClusterKafkaTopics.ensure(kafka, KafkaTopicSetup.DEFAULT_PARTITIONS, ClusterKafkaTopics.AS_MANY_AS_BROKERS);
        NotifierSettings config = NotifierSettings.of(kafka.bootstrapServers()).withGroupId(group)
                .withFromBeginning(fromBeginning).withKafkaOverrides(Map.copyOf(kafka.clientProperties()));
        System.out.println("Notifying from Kafka at " + kafka.bootstrapServers() + " by " + alerts.file() + ": "
                + alerts.channels().size() + " channels, " + alerts.watchlists().size() + " watchlists ... (Ctrl-C to stop)");
        Notifier notifier = Notifier.start(config, alerts);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: giving the channels a moment for what is queued ...");
            notifier.close();
            System.out.println("Stopped. " + notifier.progress() + ". What is pending goes out at the next start.");
            stopped.countDown();
        }, "notify-shutdown"));
        NotifierProgress last = null;
        while (notifier.isRunning()) {
            Thread.sleep(progressEvery > 0 ? Duration.ofSeconds(progressEvery).toMillis() : 1000);
            NotifierProgress now = notifier.progress();
            if (progressEvery > 0 && !now.equals(last)) {
                System.out.println(now);
                last = now;
            }
        }
        if (notifier.failure().isPresent()) {
            notifier.close();
            throw new IllegalStateException("the notifier stopped: " + notifier.failure().get().getMessage(),
                    notifier.failure().get());
        }
        stopped.await();
        return 0;
    }
}
