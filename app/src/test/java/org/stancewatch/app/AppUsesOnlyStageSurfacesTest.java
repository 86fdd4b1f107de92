package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The application reaches a stage through its surface only, so that a stage's internals can
 * change without touching {@code app}: a facade in the stage's root package (e.g.
 * {@code org.stancewatch.index.Trends}), or a type of the stage's data contract that the facades
 * take or give (settings, queries, results, typed errors, and the two seams tests replace). A
 * stage type that app/src/main names, imported or written out in full, is one of those or the
 * test fails: reach it through a facade, or add it to {@link #CONTRACT} if it is data.
 */
class AppUsesOnlyStageSurfacesTest {
    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    /** A stage class named in source, with its nested classes if it names them. */
    private static final Pattern STAGE_CLASS = Pattern.compile(
            "\\borg\\.stancewatch\\.(?:analyze|index|ingest|notify)(?:\\.[a-z]\\w*)*(?:\\.[A-Z]\\w*)+");
    private static final Pattern ROOT_PACKAGE_CLASS = Pattern.compile(
            "org\\.stancewatch\\.(?:analyze|index|ingest|notify)\\.[A-Z][\\w.]*");
    private static final Pattern PACKAGE_AND_CLASS = Pattern.compile("([\\w.]+?)\\.([A-Z][\\w.]*)");

    /** The stages' data contract that crosses to app, by package: nothing else of a stage outside its root package. */
    private static final Map<String, Set<String>> CONTRACT = Map.ofEntries(
            Map.entry("org.stancewatch.analyze.stance", Set.of("StanceScorer", "ArticleAnalysis")),
            Map.entry("org.stancewatch.analyze.stance.training", Set.of("TrainingSettings", "TrainingReport",
                    "Evaluation", "EncodedTrainingData.Summary", "ModelComparison.Result")),
            Map.entry("org.stancewatch.analyze.stream", Set.of("AnalyzeSettings")),
            Map.entry("org.stancewatch.analyze.stream.shift", Set.of("ShiftSettings")),
            Map.entry("org.stancewatch.analyze.stream.attention", Set.of("AttentionSettings")),
            Map.entry("org.stancewatch.analyze.stream.monitor", Set.of("JobProgress")),
            Map.entry("org.stancewatch.index.connect", Set.of("ElasticsearchSettings")),
            Map.entry("org.stancewatch.index.kibana", Set.of("KibanaSettings", "ImportReport")),
            Map.entry("org.stancewatch.index.sink", Set.of("IndexerSettings", "IndexerProgress")),
            Map.entry("org.stancewatch.index.templates", Set.of("IndexKind", "IndexSetupException")),
            Map.entry("org.stancewatch.index.trends", Set.of("SeriesQuery", "AlertQuery", "Interval", "StanceSeries",
                    "OutletStance", "Overview")),
            Map.entry("org.stancewatch.ingest.source", Set.of("Sources", "Source", "SourcesException")),
            Map.entry("org.stancewatch.ingest.crawl", Set.of("SourceStats")),
            Map.entry("org.stancewatch.ingest.kafka", Set.of("KafkaSettings")),
            Map.entry("org.stancewatch.ingest.fetch", Set.of("HostResolver", "FetchException")),
            Map.entry("org.stancewatch.ingest.extract", Set.of("ExtractionException")),
            Map.entry("org.stancewatch.ingest.check", Set.of("SourceCheckReport", "ListingProbe", "ArticleProbe",
                    "RobotsVerdict")),
            Map.entry("org.stancewatch.notify.config", Set.of("AlertsConfig")));

    @Test
    void appNamesNoStageInternals() {
        assertThat(MAIN_SOURCES).isDirectory();
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> named.addAll(stageClasses(read(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(named).as("stage classes app/src/main names").isNotEmpty();
        assertThat(named.stream().filter(name -> !isSurface(name)).toList())
                .as("stage internals app/src/main names: reach them through a facade in the stage's root package")
                .isEmpty();
    }

    @Test
    void tellsFacadesAndContractsFromInternals() {
        List<String> named = stageClasses("""
                import org.stancewatch.index.Trends;
                import org.stancewatch.index.trends.SeriesQuery;
                import org.stancewatch.ingest.fetch.HostResolver;
                import org.stancewatch.index.trends.TrendQueries;
                import org.stancewatch.analyze.stance.training.ModelComparison.Result;
                import org.stancewatch.analyze.stance.training.ModelComparison;
                var scorer = org.stancewatch.analyze.stance.CoreNlpStanceScorer.fromDefaults();
                """);
        assertThat(named).containsExactly("org.stancewatch.index.Trends", "org.stancewatch.index.trends.SeriesQuery",
                "org.stancewatch.ingest.fetch.HostResolver", "org.stancewatch.index.trends.TrendQueries",
                "org.stancewatch.analyze.stance.training.ModelComparison.Result",
                "org.stancewatch.analyze.stance.training.ModelComparison",
                "org.stancewatch.analyze.stance.CoreNlpStanceScorer");
        // the comparison's Result record crosses, the comparison itself does not
        assertThat(named.stream().filter(name -> !isSurface(name)).toList())
                .containsExactly("org.stancewatch.index.trends.TrendQueries",
                        "org.stancewatch.analyze.stance.training.ModelComparison",
                        "org.stancewatch.analyze.stance.CoreNlpStanceScorer");
    }

    private static List<String> stageClasses(String source) {
        return STAGE_CLASS.matcher(source).results().map(MatchResult::group).toList();
    }

    private static boolean isSurface(String name) {
        if (ROOT_PACKAGE_CLASS.matcher(name).matches()) {
            return true;
        }
        Matcher packageAndClass = PACKAGE_AND_CLASS.matcher(name);
        return packageAndClass.matches()
                && CONTRACT.getOrDefault(packageAndClass.group(1), Set.of()).contains(packageAndClass.group(2));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
