package org.stancewatch.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.stancewatch.ingest.extract.Outlets;
import org.stancewatch.ingest.fetch.HostResolver;
import org.stancewatch.ingest.health.Spans;
import org.stancewatch.ingest.kafka.KafkaSettings;
import org.stancewatch.ingest.publish.MemoryOutput;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.source.Sources;
import org.stancewatch.ingest.source.SourcesException;
import org.stancewatch.ingest.source.SourcesFile;
import org.stancewatch.model.Article;

/**
 * The ingest stage's entry points besides the {@link Crawler} and its {@link CrawlerConfig}: the
 * sources it crawls, a dry run, and how it names an outlet and says a span of time. With
 * {@link SourceCheck} (one visit per source, for people) and {@link PageExtraction} (what the
 * crawler reads out of a page), what lies behind them may change without touching their callers.
 *
 * <p>Records of the stage's data contract cross this surface as they are: {@link Sources} and
 * their {@link Source}s, {@link KafkaSettings}, and a bad sources file as a
 * {@link SourcesException}. Host names resolve through a {@link HostResolver}, which tests and
 * the demo replace.
 */
public final class IngestStage {

    private IngestStage() {
    }

    /** The sources file given, else {@code ./config/sources.yml}, else the bundled one; checked. */
    public static Sources sources(Optional<Path> explicit) {
        return SourcesFile.load(explicit);
    }

    /** The sources of YAML text; {@code name} says where it came from in messages. */
    public static Sources sources(String name, byte[] yaml) {
        return SourcesFile.parse(name, yaml);
    }

    /** A crawler configuration that publishes nowhere but hands each article it would publish over. */
    public static CrawlerConfig dryRun(Sources sources, Consumer<Article> eachArticle) {
        return CrawlerConfig.inMemory(sources, new MemoryOutput(batch -> batch.articles().forEach(eachArticle)));
    }

    /** The outlet a page address belongs to: its registered domain ({@code www.bbc.co.uk} → {@code bbc.co.uk}). */
    public static String outletOf(URI url) {
        return Outlets.of(url);
    }

    /** A span of time as people say it: "45 s", "20 min", "6 h", "3 days". */
    public static String describe(Duration span) {
        return Spans.of(span);
    }
}
