package org.stancewatch.analyze.stance;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.stancewatch.analyze.StanceModels;
import org.stancewatch.analyze.lexicon.ActorMatcher;
import org.stancewatch.analyze.lexicon.LexiconFiles;
import org.stancewatch.analyze.lexicon.PhraseTokenizer;
import org.stancewatch.model.Article;

/**
 * {@code bin/benchmark analyze}: the stance scorer's throughput on real article bodies with
 * stance model v2 (the fine-tuned transformer) against v1 (the linear model over CoreNLP's parse
 * and sentiment), in the same run, on the same texts, one thread each; with {@code --naive}, also
 * the pipeline a user would write first (CoreNLP's tokenize, ssplit, pos, lemma, ner, parse,
 * sentiment on every sentence, default models).
 *
 * <p>The corpus: the English pages (html lang="en...") of the trafilatura evaluation set under
 * {@code ../shared/data/extraction/trafilatura-eval/eval/}, in file-name order, whose body text
 * (the page's {@code <p>} elements, extracted with Jsoup) names at least three tracked actors,
 * i.e. news in the domain stancewatch watches; each body cut at a sentence end near
 * {@code --max-chars}. Both scorers are loaded, warmed up on the whole corpus once, then take
 * turns for {@code --rounds} rounds. Options: {@code --articles N} (default 12),
 * {@code --max-chars N} (default 4000), {@code --rounds N} (default 3), {@code --naive}.
 */
public final class StanceBenchmark {

    private StanceBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int articles = 12;
        int maxChars = 4000;
        int rounds = 3;
        boolean naive = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[++i]);
                case "--max-chars" -> maxChars = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--naive" -> naive = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --articles N, --max-chars N, --rounds N, --naive)");
            }
        }
        Path pages = Path.of(System.getProperty("stancewatch.shared.data", "../shared/data"),
                "extraction", "trafilatura-eval", "eval");
        if (!Files.isDirectory(pages)) {
            System.err.println("no pages at " + pages + ": the benchmark needs ../shared/data beside the clone");
            System.exit(2);
        }
        List<String> corpus = corpus(pages, articles, maxChars);
        System.out.printf("corpus: %d English article bodies from %s (%d characters)%n", corpus.size(), pages,
                corpus.stream().mapToInt(String::length).sum());

        List<String> names = List.of("v1", "v2");
        List<CoreNlpStanceScorer> scorers = new ArrayList<>();
        for (String name : names) {
            long residentBefore = ProcessMemory.residentMib();
            long loadStarted = System.nanoTime();
            scorers.add(CoreNlpStanceScorer.fromFiles(null, null, () -> StanceModels.load(name)));
            System.out.printf(Locale.ROOT, "%s: %s loaded in %.1f s, resident memory +%d MiB%n", name,
                    scorers.getLast().version(), seconds(loadStarted), ProcessMemory.residentMib() - residentBefore);
        }
        for (CoreNlpStanceScorer scorer : scorers) {
            corpus.forEach(text -> scorer.analyze(article(text)));   // warm-up: the JIT, the ONNX arena
        }
        List<List<Result>> results = names.stream().map(name -> (List<Result>) new ArrayList<Result>()).toList();
        for (int round = 1; round <= rounds; round++) {
            for (int s = 0; s < scorers.size(); s++) {
                CoreNlpStanceScorer scorer = scorers.get(s);
                results.get(s).add(measure("round " + round + ", " + names.get(s), corpus, text -> {
                    ArticleAnalysis analysis = scorer.analyze(article(text));
                    return new int[] {analysis.sentenceCount(), analysis.parsedSentences(), analysis.mentions().size()};
                }));
            }
        }
        System.out.println();
        for (int s = 0; s < scorers.size(); s++) {
            summary(names.get(s) + " " + scorers.get(s).version(), results.get(s));
        }
        System.out.printf(Locale.ROOT, "v2 against v1: %.2fx the articles/s (median of %d rounds each; bar 1.5x, "
                + "goal 3x); resident memory at the end %s%n", median(results.get(1)) / median(results.get(0)),
                rounds, ProcessMemory.resident());
        if (!naive) {
            return;
        }
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,parse,sentiment");
        long loadStarted = System.nanoTime();
        StanfordCoreNLP pipeline = new StanfordCoreNLP(props);
        double naiveLoad = seconds(loadStarted);
        pipeline.annotate(new Annotation("A short warm-up sentence."));
        Result baseline = measure("naive CoreNLP pipeline", corpus, text -> {
            Annotation annotation = new Annotation(text);
            pipeline.annotate(annotation);
            int sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class).size();
            return new int[] {sentences, sentences, 0};
        });
        System.out.printf(Locale.ROOT, "  (load %.1f s)%nv2 against the naive pipeline: %.1fx articles/s%n", naiveLoad,
                median(results.get(1)) / baseline.articlesPerSecond());
    }

    /** One timed pass over the corpus. */
    private record Result(double articlesPerSecond, double mentionsPerSecond, List<Long> latencies, long peakHeap) {
    }

    private interface Work {
        int[] run(String text);
    }

    private static Result measure(String name, List<String> corpus, Work work) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long sentences = 0;
        long parsed = 0;
        long mentions = 0;
        List<Long> latencies = new ArrayList<>();
        long started = System.nanoTime();
        for (String text : corpus) {
            long t = System.nanoTime();
            int[] counts = work.run(text);
            latencies.add(System.nanoTime() - t);
            sentences += counts[0];
            parsed += counts[1];
            mentions += counts[2];
        }
        double seconds = seconds(started);
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        double articlesPerSecond = corpus.size() / seconds;
        System.out.printf(Locale.ROOT, "%-24s %6.2f articles/s  %7.1f mentions/s  %7.1f sentences/s  %5.1f s  "
                        + "%d sentences, %d parsed%s  heap peak %d MB%n",
                name, articlesPerSecond, mentions / seconds, sentences / seconds, seconds, sentences, parsed,
                mentions > 0 ? ", " + mentions + " mentions" : "", peak >> 20);
        return new Result(articlesPerSecond, mentions / seconds, latencies, peak);
    }

    private static void summary(String name, List<Result> rounds) {
        List<Long> latencies = rounds.stream().flatMap(r -> r.latencies().stream()).sorted().toList();
        System.out.printf(Locale.ROOT, "%-36s %6.2f articles/s  %7.1f mentions/s  per article p50 %.0f ms, p95 %.0f ms"
                        + "  heap peak %d MB%n", name, median(rounds),
                rounds.stream().mapToDouble(Result::mentionsPerSecond).sorted().toArray()[rounds.size() / 2],
                percentile(latencies, 50) / 1e6, percentile(latencies, 95) / 1e6,
                rounds.stream().mapToLong(Result::peakHeap).max().orElse(0) >> 20);
    }

    private static double median(List<Result> rounds) {
        return rounds.stream().mapToDouble(Result::articlesPerSecond).sorted().toArray()[rounds.size() / 2];
    }

    /** The value at {@code percent} of a sorted list (nearest rank). */
    public static double percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static Article article(String text) {
        return LocalArticles.of(text, "benchmark", LocalDate.of(2020, 1, 1), "en");
    }

    /**
     * English bodies that name at least three tracked actors, in file-name order (also the texts
     * of the Streams benchmark's {@code --texts news}).
     */
    public static List<String> corpus(Path pages, int articles, int maxChars) throws IOException {
        ActorMatcher actors = new ActorMatcher(LexiconFiles.load(null, null).actors());
        List<Path> files;
        try (Stream<Path> listing = Files.list(pages)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".html.gz")).sorted().toList();
        }
        List<String> corpus = new ArrayList<>();
        for (Path file : files) {
            if (corpus.size() == articles) {
                break;
            }
            Document page = Jsoup.parse(read(file));
            if (!page.select("html").attr("lang").toLowerCase(Locale.ROOT).startsWith("en")) {
                continue;
            }
            String body = body(page, maxChars);
            if (body.length() < 1000 || actors.newArticle().find(PhraseTokenizer.tokens(body)).size() < 3) {
                continue;
            }
            corpus.add(body);
        }
        return corpus;
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The page's paragraphs of 40 characters or more, cut after the last full stop before maxChars. */
    private static String body(Document page, int maxChars) {
        StringBuilder text = new StringBuilder();
        for (Element paragraph : page.select("p")) {
            String line = paragraph.text().strip();
            if (line.length() >= 40) {
                text.append(line).append("\n\n");
            }
        }
        if (text.length() <= maxChars) {
            return text.toString().strip();
        }
        int cut = text.lastIndexOf(". ", maxChars);
        return text.substring(0, cut > 0 ? cut + 1 : maxChars).strip();
    }
}
