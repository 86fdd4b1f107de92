package org.stancewatch.analyze.stance;

import edu.stanford.nlp.stats.Counter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.stancewatch.model.Polarity;

/**
 * Stance model v1: a trained three-class log-linear model over the target-dependent features of
 * {@link StanceFeatures} (CoreNLP's parse, dependencies and RNTN sentiment): one weight per feature and class, plus a
 * per-class offset tuned for macro-F1. Stored as a gzipped text file (a header of
 * {@code # key=value} lines with the training figures, then {@code feature TAB w_neg TAB w_neu
 * TAB w_pos}), so that it stays readable and does not depend on Java serialization.
 */
public final class LinearStanceModel implements TargetStanceModel {

    /** Where the shipped model lives on the class path. */
    public static final String RESOURCE = "org/stancewatch/analyze/stance/stance-model.tsv.gz";

    private static final Polarity[] CLASSES = Polarity.values();

    private final Map<String, double[]> weights;
    private final double[] offsets;
    private final Map<String, String> metadata;
    private final String id;

    public LinearStanceModel(Map<String, double[]> weights, double[] offsets, Map<String, String> metadata) {
        this.weights = Map.copyOf(weights);
        this.offsets = offsets.clone();
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.id = digest();
    }

    /** A short fingerprint of the weights and settings: two models with the same id score alike. */
    public String id() {
        return id;
    }

    private String digest() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            writeText(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            byte[] hash = sha.digest(bytes.toByteArray());
            return java.util.HexFormat.of().formatHex(hash, 0, 5);
        } catch (java.security.NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot fingerprint the model", e);
        }
    }

    @Override
    public String version() {
        return "corenlp-stance/" + id;
    }

    @Override
    public boolean readsParses() {
        return true;
    }

    @Override
    public List<StancePrediction> predict(List<TargetInSentence> targets) {
        return targets.stream()
                .map(target -> predict(StanceFeatures.extract(target.parsed(), target.tokenFrom(), target.tokenTo())))
                .toList();
    }

    /** The model shipped in the jar. */
    public static LinearStanceModel loadDefault() {
        InputStream in = LinearStanceModel.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new ModelFormatException("the shipped stance model " + RESOURCE + " is not on the class path", null);
        }
        return read(in, RESOURCE);
    }

    public static LinearStanceModel read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stance model " + file + ": " + e.getMessage(), e);
        }
    }

    static LinearStanceModel read(InputStream raw, String source) {
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, double[]> weights = new HashMap<>();
        double[] offsets = new double[CLASSES.length];
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.startsWith("# ")) {
                    int eq = line.indexOf('=');
                    if (eq > 2) {
                        metadata.put(line.substring(2, eq), line.substring(eq + 1));
                    }
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != CLASSES.length + 1) {
                    throw new ModelFormatException(source + " line " + lineNumber + ": expected a feature and "
                            + CLASSES.length + " weights", null);
                }
                double[] row = new double[CLASSES.length];
                for (int c = 0; c < CLASSES.length; c++) {
                    row[c] = Double.parseDouble(fields[c + 1]);
                }
                weights.put(fields[0], row);
            }
        } catch (IOException e) {
            throw new ModelFormatException("cannot read the stance model " + source + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new ModelFormatException(source + ": a weight is not a number: " + e.getMessage(), e);
        }
        String features = metadata.get("features");
        if (!StanceFeatures.VERSION.equals(features)) {
            throw new ModelFormatException(source + " was trained with features '" + features + "', but this version computes '"
                    + StanceFeatures.VERSION + "': retrain it with 'stancewatch stance train'", null);
        }
        for (int c = 0; c < CLASSES.length; c++) {
            offsets[c] = Double.parseDouble(metadata.getOrDefault("offset." + CLASSES[c].json(), "0"));
        }
        return new LinearStanceModel(weights, offsets, metadata);
    }

    /** Writes the model; the same model always gives the same bytes (sorted features, fixed number format). */
    public void write(OutputStream raw) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(raw);
        writeText(new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
        gzip.finish();
    }

    private void writeText(Writer out) throws IOException {
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            out.write("# " + entry.getKey() + "=" + entry.getValue() + "\n");
        }
        for (Map.Entry<String, double[]> entry : new TreeMap<>(weights).entrySet()) {
            out.write(entry.getKey());
            for (double weight : entry.getValue()) {
                out.write('\t');
                out.write(String.format(java.util.Locale.ROOT, "%.5g", weight));
            }
            out.write('\n');
        }
        out.flush();
    }

    public void write(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stance model " + file + ": " + e.getMessage(), e);
        }
    }

    /** Class probabilities in {@link Polarity} order, before the macro-F1 offsets. */
    public double[] probabilities(Counter<String> features) {
        return softmax(scores(features, false));
    }

    public StancePrediction predict(Counter<String> features) {
        double[] probabilities = softmax(scores(features, true));
        int best = 0;
        for (int c = 1; c < CLASSES.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        double score = probabilities[Polarity.POSITIVE.ordinal()] - probabilities[Polarity.NEGATIVE.ordinal()];
        return new StancePrediction(CLASSES[best], Math.max(-1, Math.min(1, score)), probabilities[best]);
    }

    private double[] scores(Counter<String> features, boolean withOffsets) {
        double[] scores = withOffsets ? offsets.clone() : new double[CLASSES.length];
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            double[] row = weights.get(feature.getKey());
            if (row != null) {
                for (int c = 0; c < CLASSES.length; c++) {
                    scores[c] += row[c] * feature.getValue();
                }
            }
        }
        return scores;
    }

    static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        double[] probabilities = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            probabilities[c] = Math.exp(scores[c] - max);
            sum += probabilities[c];
        }
        for (int c = 0; c < scores.length; c++) {
            probabilities[c] /= sum;
        }
        return probabilities;
    }

    /** Training settings and figures, e.g. {@code heldout.macroF1}. */
    public Map<String, String> metadata() {
        return metadata;
    }

    public int featureCount() {
        return weights.size();
    }

    public LinearStanceModel withOffsets(double[] newOffsets, Map<String, String> moreMetadata) {
        Map<String, String> merged = new LinkedHashMap<>(metadata);
        merged.putAll(moreMetadata);
        for (int c = 0; c < CLASSES.length; c++) {
            merged.put("offset." + CLASSES[c].json(), String.format(java.util.Locale.ROOT, "%.4f", newOffsets[c]));
        }
        return new LinearStanceModel(weights, newOffsets, merged);
    }
}
