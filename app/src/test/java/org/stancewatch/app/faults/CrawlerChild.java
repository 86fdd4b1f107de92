package org.stancewatch.app.faults;

import java.io.File;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.stancewatch.embedded.child.ParentWatchingMain;
import org.stancewatch.ingest.Crawler;
import org.stancewatch.ingest.CrawlerConfig;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.ingest.source.SourcesFile;

/**
 * The crawler in a JVM of its own, for the test that kills it with SIGKILL: it runs every source
 * once and exits. Arguments: bootstrap servers, instance name, sources file, transaction pause
 * in milliseconds ({@link TransactionPause}).
 *
 * <p>The instance name is the same in every run, as it is for a crawler restarted by its
 * supervisor: the new run's producer takes over the killed one's transactional id, which aborts
 * the transaction the kill left open.
 */
public final class CrawlerChild {
    private CrawlerChild() {}

    public static void main(String[] args) throws Exception {
        Map<String, Object> client = Map.of(
                ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, TransactionPause.class.getName(),
                TransactionPause.PAUSE_MS, args[3],
                // a killed member holds its sources until its session ends: 6 s (the broker's least) rather than 45
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        KafkaSettings kafka = new KafkaSettings(args[0], client, args[1], true, 3, (short) 1);
        var sources = SourcesFile.load(Path.of(args[2]));
        try (Crawler crawler = Crawler.open(CrawlerConfig.kafka(sources, kafka).withResolver(localSite()))) {
            crawler.runOnce();
        }
        System.out.println("crawler child: run complete");
    }

    /** The site's name stands for this machine; nothing else is resolved. */
    private static HostResolver localSite() {
        return host -> {
            if (!host.equals(SlowNewsSite.HOST)) {
                throw new java.net.UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        };
    }

    /** Starts a child crawler; its output goes to {@code log}. */
    static Process launch(String bootstrap, String instance, Path sources, Duration pause, Path log) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path") + File.pathSeparator
                        + ParentWatchingMain.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
                ParentWatchingMain.class.getName(), CrawlerChild.class.getName(),
                bootstrap, instance, sources.toString(), Long.toString(pause.toMillis()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
