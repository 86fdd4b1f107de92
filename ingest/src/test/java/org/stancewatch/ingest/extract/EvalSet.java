package org.stancewatch.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.stancewatch.model.json.Json;

/**
 * The trafilatura evaluation set ({@code shared/data/extraction/trafilatura-eval}): pages with
 * the text segments a correct extraction must contain and the boilerplate segments it must not.
 */
record EvalSet(List<EvalSet.Page> pages) {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** One page: its URL, its bytes (ungzipped) and its segments. */
    record Page(String url, String file, byte[] html, List<String> with, List<String> without) {
        /** The page's URL as a URI; the set's URLs are as people typed them (spaces, stray characters). */
        java.net.URI uri() {
            String cleaned = url.strip().replace(" ", "%20").replace("\"", "%22").replace("|", "%7C");
            try {
                return java.net.URI.create(cleaned);
            } catch (IllegalArgumentException e) {
                return java.net.URI.create("http://invalid.example/");
            }
        }
    }

    /** The folder of the set, from the {@code stancewatch.shared.data} property, if it exists. */
    static Path folder() {
        String shared = System.getProperty("stancewatch.shared.data", "../shared/data");
        return Path.of(shared, "extraction", "trafilatura-eval");
    }

    static boolean available() {
        return Files.isRegularFile(folder().resolve("evaldata.json"));
    }

    static EvalSet load(int limit) {
        Path folder = folder();
        try {
            JsonNode index = Json.mapper().readTree(folder.resolve("evaldata.json").toFile());
            List<Page> pages = new ArrayList<>();
            for (var entry : index.properties()) {
                if (pages.size() >= limit) {
                    break;
                }
                JsonNode spec = entry.getValue();
                String file = spec.get("file").asText();
                Path path = folder.resolve("eval").resolve(file + ".gz");
                if (!Files.exists(path)) {
                    path = folder.resolve("cache").resolve(file + ".gz");
                }
                pages.add(new Page(entry.getKey(), file, gunzip(path), texts(spec.get("with")), texts(spec.get("without"))));
            }
            return new EvalSet(pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(Path path) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            return in.readAllBytes();
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(node -> texts.add(collapse(node.asText())));
        }
        return texts;
    }

    static String collapse(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** True/false positives and negatives of one extractor, summed over pages (the set's own metric). */
    static final class Score {
        long truePositives;
        long falseNegatives;
        long falsePositives;
        long trueNegatives;

        void add(Page page, String output) {
            String text = collapse(output == null ? "" : output);
            for (String segment : page.with()) {
                if (text.contains(segment)) {
                    truePositives++;
                } else {
                    falseNegatives++;
                }
            }
            for (String segment : page.without()) {
                if (text.contains(segment)) {
                    falsePositives++;
                } else {
                    trueNegatives++;
                }
            }
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double accuracy() {
            long all = truePositives + falseNegatives + falsePositives + trueNegatives;
            return all == 0 ? 0 : (double) (truePositives + trueNegatives) / all;
        }
    }
}
