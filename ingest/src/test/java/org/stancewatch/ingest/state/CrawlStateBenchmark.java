package org.stancewatch.ingest.state;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.Ports;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.model.kafka.KafkaTopicSetup;
import org.stancewatch.model.kafka.KafkaTopics;

/**
 * {@code bin/benchmark ingest-state [URLS] [--no-kafka]} (default 1,000,000): what the crawl state
 * costs. It builds the state of that many article URLs (a page and an article record each, see
 * {@link SyntheticCrawl}) and prints the heap it holds (measured after GC, before and after),
 * bytes per URL, the time to restore it, and the same after 90% of the URLs are forgotten.
 *
 * <p>Restores are timed twice: through the codec alone (JSON decoded and applied, the bytes
 * already in memory, after a warm-up on 100,000 URLs), and from the crawl-state topic of a real
 * embedded broker with {@link KafkaStateReader}, as the crawler restores at start. Forgetting
 * is the {@link StateRetention} sweep a run would do, without the per-run cap, its tombstones
 * written to the topic; the broker-backed restore after it reads the tombstones too (compaction
 * has not run yet).
 */
public final class CrawlStateBenchmark {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);
    /** Every page last listed by then, so that all but the listed tenth are forgotten. */
    private static final Instant SWEEP_AT = START.plus(SyntheticCrawl.SPREAD).plus(RETENTION).plus(Duration.ofDays(5));
    private static final int KEPT_EVERY = 10;

    private CrawlStateBenchmark() {}

    public static void main(String[] args) throws Exception {
        String[] words = args.length == 1 ? args[0].strip().split("\\s+") : args;
        List<String> options = List.of(words);
        boolean kafka = !options.contains("--no-kafka");
        int urls = options.stream().filter(w -> w.matches("\\d[\\d_]*")).map(w -> Integer.parseInt(w.replace("_", "")))
                .findFirst().orElse(1_000_000);
        SyntheticCrawl crawl = new SyntheticCrawl(urls, START);
        System.out.printf(Locale.ROOT, "crawl state of %,d article URLs in %d sources: %,d records (a page and an article "
                + "each); java %s, max heap %,d MB%n", urls, SyntheticCrawl.SOURCES, 2L * urls,
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);

        timedDecode(new SyntheticCrawl(Math.min(urls, 100_000), START), new CrawlState(), new long[1]); // warm-up
        long empty = heapAfterGc();
        CrawlState state = new CrawlState();
        long[] bytes = {0};
        long decoding = timedDecode(crawl, state, bytes);
        long full = heapAfterGc() - empty;
        report("restored through the codec", urls, full, decoding, 2L * urls);
        System.out.printf(Locale.ROOT, "  %,d bytes of JSON (%.0f per URL)%n", bytes[0], (double) bytes[0] / urls);

        if (!kafka) {
            forget(state, crawl, null, empty);
            return;
        }
        Path home = Files.createTempDirectory("stancewatch-state-benchmark");
        System.out.printf("starting the embedded Kafka broker under %s ...%n", home);
        try (EmbeddedServices services = new EmbeddedServices(home, Ports.free());
                TopicWriter topic = new TopicWriter(services.kafkaBootstrapServers())) {
            KafkaSettings settings = KafkaSettings.of(services.kafkaBootstrapServers(), "state-benchmark");
            long writing = System.nanoTime();
            crawl.forEach((key, value) -> topic.send(key, StateCodec.write(value)));
            topic.flush();
            System.out.printf(Locale.ROOT, "wrote %,d records to %s in %.1f s%n", 2L * urls, KafkaTopics.CRAWL_STATE.name(),
                    (System.nanoTime() - writing) / 1e9);
            state = null; // only the restored copy is measured from here on

            state = new CrawlState();
            long[] read = new long[1];
            long restoring = restore(settings, state, read);
            report("restored from the topic", urls, heapAfterGc() - empty, restoring, read[0]);

            forget(state, crawl, topic, empty);
            state = null;
            CrawlState after = new CrawlState();
            restoring = restore(settings, after, read);
            report("restored from the topic after forgetting", urls / KEPT_EVERY, heapAfterGc() - empty, restoring, read[0]);
            System.out.printf(Locale.ROOT, "  %,d pages and %,d articles restored (expected %,d of each)%n",
                    pages(after), after.articleCount(), urls / KEPT_EVERY);
        } finally {
            deleteRecursively(home);
        }
    }

    /** Writes every record with the codec, and times only reading and applying it, as a restore does. */
    private static long timedDecode(SyntheticCrawl crawl, CrawlState state, long[] bytes) {
        AtomicLong nanos = new AtomicLong();
        crawl.forEach((key, value) -> {
            byte[] json = StateCodec.write(value);
            bytes[0] += json.length;
            long started = System.nanoTime();
            try {
                state.apply(key, StateCodec.read(key, json));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            nanos.addAndGet(System.nanoTime() - started);
        });
        return nanos.get();
    }

    private static long restore(KafkaSettings settings, CrawlState state, long[] records) {
        long started = System.nanoTime();
        try (KafkaStateReader reader = KafkaStateReader.start(settings, state, Duration.ofMinutes(30))) {
            long nanos = System.nanoTime() - started;
            records[0] = reader.recordsRead();
            return nanos;
        }
    }

    /** Lists every tenth URL at {@link #SWEEP_AT}, sweeps every source, writes and applies the changes. */
    private static void forget(CrawlState state, SyntheticCrawl crawl, TopicWriter topic, long empty)
            throws InterruptedException {
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < crawl.urls(); i += KEPT_EVERY) {
            listed.add(crawl.url(i));
        }
        StateRetention retention = new StateRetention(RETENTION, Integer.MAX_VALUE);
        long sweeping = 0;
        long applying = 0;
        long forgotten = 0;
        for (int s = 0; s < SyntheticCrawl.SOURCES; s++) {
            String source = SyntheticCrawl.source(s);
            long started = System.nanoTime();
            StateRetention.Sweep sweep = retention.sweep(state, source, listed, SWEEP_AT, true);
            sweeping += System.nanoTime() - started;
            if (topic != null) {
                sweep.listed().forEach(page -> topic.send(StateKey.page(source, page.url()), StateCodec.write(page)));
                sweep.forgotten().forEach(key -> topic.send(key, null));
            }
            started = System.nanoTime();
            sweep.listed().forEach(page -> state.apply(StateKey.page(source, page.url()), page));
            sweep.forgotten().forEach(key -> state.apply(key, null));
            applying += System.nanoTime() - started;
            forgotten += sweep.forgotten().size();
        }
        if (topic != null) {
            topic.flush();
        }
        listed = null;
        int left = crawl.urls() / KEPT_EVERY;
        System.out.printf(Locale.ROOT, "forgot %,d records (%,d URLs with their articles) in %.2f s of sweeps "
                + "and %.2f s applying the tombstones%n", forgotten, crawl.urls() - left, sweeping / 1e9, applying / 1e9);
        report("after forgetting", left, heapAfterGc() - empty, 0, 0);
        long capped = System.nanoTime();
        new StateRetention(RETENTION).sweep(state, SyntheticCrawl.source(0), Set.of(), SWEEP_AT, true);
        System.out.printf(Locale.ROOT, "  one run's sweep of a source of %,d pages: %.1f ms%n",
                state.pageCount(SyntheticCrawl.source(0)), (System.nanoTime() - capped) / 1e6);
    }

    private static void report(String what, int urls, long heap, long nanos, long records) {
        System.out.printf(Locale.ROOT, "%s: %,d URLs, heap %,.1f MB, %,.0f bytes per URL%s%n", what, urls, heap / 1e6,
                (double) heap / urls, nanos == 0 ? "" : String.format(Locale.ROOT, "; %,d records in %.1f s (%,.0f/s)",
                        records, nanos / 1e9, records / (nanos / 1e9)));
    }

    private static long pages(CrawlState state) {
        long pages = 0;
        for (int s = 0; s < SyntheticCrawl.SOURCES; s++) {
            pages += state.pageCount(SyntheticCrawl.source(s));
        }
        return pages;
    }

    /** Heap in use once the garbage is gone: full collections until the figure stops falling. */
    private static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                break;
            }
            used = now;
        }
        return used;
    }

    /** Writes crawl-state records the way the crawler partitions them, in large batches (no transactions: speed). */
    private static final class TopicWriter implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer;
        private final int partitions;
        private final AtomicLong failures = new AtomicLong();

        TopicWriter(String bootstrap) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                KafkaTopicSetup.ensureTopics(admin, KafkaTopicSetup.DEFAULT_PARTITIONS, (short) 1);
            }
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                    ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                    ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000),
                    new StringSerializer(), new ByteArraySerializer());
            partitions = producer.partitionsFor(KafkaTopics.CRAWL_STATE.name()).size();
        }

        void send(String key, byte[] value) {
            producer.send(new ProducerRecord<>(KafkaTopics.CRAWL_STATE.name(), StateKey.partition(key, partitions), key, value),
                    (metadata, error) -> {
                        if (error != null) {
                            failures.incrementAndGet();
                        }
                    });
        }

        void flush() {
            producer.flush();
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " records were not written");
            }
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
