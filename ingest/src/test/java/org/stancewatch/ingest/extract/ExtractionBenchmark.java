package org.stancewatch.ingest.extract;

import de.l3s.boilerpipe.BoilerpipeProcessingException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dankito.readability4j.Readability4J;

/**
 * Extraction quality and speed on the trafilatura evaluation set, ours beside the two Java
 * extractors users would pick instead: boilerpipe's {@code ArticleExtractor} and readability4j
 * (a port of Mozilla Readability). Run with {@code bin/benchmark ingest [--limit N]
 * [--only NAME,...] [--details FILE]}.
 *
 * <p>Every extractor gets the same page bytes. Ours decodes them itself (charset from header,
 * BOM or meta); the baselines get the text decoded by {@link PageDecoder}, inside their timing.
 * Our figure is the whole {@link ArticleExtractor#read} — text, title, date, authors, language,
 * canonical URL, outlet — while the baselines extract text (and readability4j a title and byline).
 * Quality: each extractor's output is scored with the set's metric (see {@link EvalSet.Score}).
 * Speed: one untimed pass each (which also scores and warms up), then {@code --rounds} timed
 * passes on one thread, the extractors taking turns round by round so that a change in the
 * machine's load falls on all of them; each extractor's fastest pass is reported.
 */
public final class ExtractionBenchmark {

    interface Extractor {
        String text(EvalSet.Page page) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int limit = Integer.MAX_VALUE;
        int rounds = 3;
        List<String> only = List.of();
        Path details = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--only" -> only = List.of(args[++i].split(","));
                case "--details" -> details = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --limit N, --rounds N, --only ours,boilerpipe,readability4j, --details FILE)");
            }
        }
        if (!EvalSet.available()) {
            System.err.println("The evaluation set is missing: expected " + EvalSet.folder().toAbsolutePath()
                    + "/evaldata.json (shared/data beside the clone, or -Dstancewatch.shared.data=DIR).");
            System.exit(2);
        }
        EvalSet set = EvalSet.load(limit);
        long bytes = set.pages().stream().mapToLong(p -> p.html().length).sum();
        System.out.printf("Extraction benchmark: %d pages (%.1f MB of HTML) from %s%n%n", set.pages().size(),
                bytes / 1e6, EvalSet.folder().toAbsolutePath().normalize());

        Map<String, Extractor> extractors = new LinkedHashMap<>();
        ArticleExtractor ours = new ArticleExtractor();
        extractors.put("ours", page -> ours.read(page.uri(), page.html(), "text/html").text());
        extractors.put("boilerpipe", page -> boilerpipe(page));
        // readability4j needs a URL with a path to resolve links; one entry of the set has none
        extractors.put("readability4j", page -> new Readability4J(page.uri().getPath() == null
                ? "http://example.invalid/" : page.uri().toString(), decode(page)).parse().getTextContent());

        if (!only.isEmpty()) {
            extractors.keySet().retainAll(only);
        }
        Map<String, EvalSet.Score> scores = new LinkedHashMap<>();
        Map<String, Integer> errors = new LinkedHashMap<>();
        PrintWriter detailsOut = details == null ? null : new PrintWriter(Files.newBufferedWriter(details));
        for (var entry : extractors.entrySet()) {
            EvalSet.Score score = new EvalSet.Score();
            errors.put(entry.getKey(), score(entry.getKey(), entry.getValue(), set, score, detailsOut));
            scores.put(entry.getKey(), score);
            System.out.printf("  %-14s scored: F1 %.3f%n", entry.getKey(), score.f1());
        }
        if (detailsOut != null) {
            detailsOut.close();
        }
        Map<String, Long> fastest = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (var entry : extractors.entrySet()) {
                long nanos = timedPass(entry.getValue(), set);
                fastest.merge(entry.getKey(), nanos, Math::min);
                System.out.printf("  round %d %-14s %.1f pages/s%n", round, entry.getKey(), set.pages().size() / (nanos / 1e9));
            }
        }
        Map<String, Result> results = new LinkedHashMap<>();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        for (String name : extractors.keySet()) {
            double seconds = fastest.get(name) / 1e9;
            results.put(name, new Result(scores.get(name), set.pages().size() / seconds,
                    1000 * seconds / set.pages().size(), errors.get(name), heap));
        }
        print(results);
    }

    private static String boilerpipe(EvalSet.Page page) throws BoilerpipeProcessingException {
        return de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE.getText(decode(page));
    }

    private static String decode(EvalSet.Page page) {
        return PageDecoder.decode(page.html(), "text/html").text();
    }

    record Result(EvalSet.Score score, double pagesPerSecond, double msPerPage, int errors, long heapMb) {}

    private static int score(String name, Extractor extractor, EvalSet set, EvalSet.Score score, PrintWriter details) {
        int errors = 0;
        for (EvalSet.Page page : set.pages()) {
            String text;
            try {
                text = extractor.text(page);
            } catch (Exception | StackOverflowError e) {
                errors++;
                text = "";
            }
            score.add(page, text);
            if (details != null) {
                EvalSet.Score one = new EvalSet.Score();
                one.add(page, text);
                details.printf("%s\t%s\tTP=%d FN=%d FP=%d TN=%d%n", name, page.file(), one.truePositives,
                        one.falseNegatives, one.falsePositives, one.trueNegatives);
            }
        }
        return errors;
    }

    private static long timedPass(Extractor extractor, EvalSet set) {
        long start = System.nanoTime();
        for (EvalSet.Page page : set.pages()) {
            try {
                extractor.text(page);
            } catch (Exception | StackOverflowError e) {
                // counted in the scoring pass
            }
        }
        return System.nanoTime() - start;
    }

    private static void print(Map<String, Result> results) {
        System.out.println();
        System.out.printf("%-14s %9s %9s %9s %9s %10s %9s %7s%n", "extractor", "precision", "recall", "F1", "accuracy",
                "pages/s", "ms/page", "errors");
        // pages/s and ms/page: the fastest of the timed passes
        for (var entry : results.entrySet()) {
            Result r = entry.getValue();
            System.out.printf("%-14s %9.3f %9.3f %9.3f %9.3f %10.1f %9.2f %7d%n", entry.getKey(), r.score().precision(),
                    r.score().recall(), r.score().f1(), r.score().accuracy(), r.pagesPerSecond(), r.msPerPage(), r.errors());
        }
        Result ours = results.get("ours");
        if (ours == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        double fastest = 0;
        String fastestName = null;
        for (var entry : results.entrySet()) {
            if (entry.getKey().equals("ours")) {
                continue;
            }
            Result r = entry.getValue();
            lines.add("ours / %s: F1 %.3f / %.3f = %.3f, speed %.1f / %.1f pages/s = %.2fx".formatted(entry.getKey(),
                    ours.score().f1(), r.score().f1(), ours.score().f1() / r.score().f1(), ours.pagesPerSecond(),
                    r.pagesPerSecond(), ours.pagesPerSecond() / r.pagesPerSecond()));
            if (r.pagesPerSecond() > fastest) {
                fastest = r.pagesPerSecond();
                fastestName = entry.getKey();
            }
        }
        System.out.println();
        lines.forEach(System.out::println);
        if (fastestName != null) {
            boolean betterF1 = results.entrySet().stream().filter(e -> !e.getKey().equals("ours"))
                    .allMatch(e -> ours.score().f1() > e.getValue().score().f1());
            System.out.printf("%nGoal (F1 above both, speed at least the faster baseline, %s): F1 %s, speed %s%n",
                    fastestName, betterF1 ? "met" : "NOT met", ours.pagesPerSecond() >= fastest ? "met" : "NOT met");
        }
        System.out.printf("Java %s, %d available processors, max heap %d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
