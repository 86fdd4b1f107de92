package org.stancewatch.analyze.stance.transformer;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.analyze.stance.StancePrediction;
import org.stancewatch.analyze.stance.TargetInSentence;
import org.stancewatch.analyze.stance.TargetStanceModel;
import org.stancewatch.analyze.stance.transformer.EncodedSequence.TargetPieces;
import org.stancewatch.model.Polarity;
import org.stancewatch.model.json.Json;

/**
 * Stance model v2: a small transformer fine-tuned to classify the stance of a sentence toward a
 * target in it, run by ONNX Runtime. A model is a folder of three files: {@code model.onnx}
 * (inputs {@code input_ids}, {@code attention_mask}, {@code token_type_ids} and
 * {@code target_mask} [batch, targets, pieces]; output {@code probabilities} [batch, targets, 3]),
 * {@code tokenizer.json} and {@code model.json} ({@link ModelDescription}). The training recipe
 * that makes them is {@code analyze/training}; its model card sits beside the shipped model.
 *
 * <p>All targets of a sentence go through the model in one sequence; sequences go through it in
 * batches of {@link TransformerSettings#batchSize()} (one by default), shortest together so that
 * little is padded. One instance serves all threads.
 */
public final class TransformerStanceModel implements TargetStanceModel {

    /** Where the shipped model's files live on the class path. */
    public static final String RESOURCE_FOLDER = "org/stancewatch/analyze/stance/v2/";

    private static final Logger LOG = LoggerFactory.getLogger(TransformerStanceModel.class);

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final StanceInputs inputs;
    private final ModelDescription description;
    private final TransformerSettings settings;
    private final String version;

    private TransformerStanceModel(byte[] onnx, InputStream tokenizerJson, byte[] modelJson, String origin,
                                   TransformerSettings settings) {
        long started = System.nanoTime();
        this.description = describe(modelJson, origin);
        this.settings = settings;
        this.version = description.name() + "/" + fingerprint(onnx);
        this.inputs = new StanceInputs(WordPieceTokenizer.read(tokenizerJson, origin + "tokenizer.json"),
                description.inputMode(), description.maxTokens());
        this.environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(settings.threads());
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // The shipped weights are stored as int8 behind DequantizeLinear nodes; this lets the
            // optimiser fold them back to floats once at load, so inference runs at float speed.
            options.addConfigEntry("session.disable_quant_qdq", "1");
            this.session = environment.createSession(onnx, options);
        } catch (OrtException e) {
            inputs.close();
            throw new ModelLoadException("cannot load " + origin + "model.onnx into ONNX Runtime: " + e.getMessage(), e);
        }
        LOG.info("stance model {} ({} input, {} pieces) loaded in {} ms", version, description.mode(),
                description.maxTokens(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The model shipped in the jar. */
    public static TransformerStanceModel loadDefault(TransformerSettings settings) {
        return new TransformerStanceModel(resource("model.onnx"), new ByteArrayInputStream(resource("tokenizer.json")),
                resource("model.json"), "classpath:" + RESOURCE_FOLDER, settings);
    }

    /** The model in {@code folder} (model.onnx, tokenizer.json, model.json). */
    public static TransformerStanceModel load(Path folder, TransformerSettings settings) {
        try {
            return new TransformerStanceModel(Files.readAllBytes(folder.resolve("model.onnx")),
                    Files.newInputStream(folder.resolve("tokenizer.json")),
                    Files.readAllBytes(folder.resolve("model.json")), folder + "/", settings);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read the stance model in " + folder + ": " + e
                    + " (a model folder holds model.onnx, tokenizer.json and model.json)", e);
        }
    }

    /** The model's name and a fingerprint of its weights: two models with the same version score alike. */
    @Override
    public String version() {
        return version;
    }

    /** It reads the text alone: no sentence needs CoreNLP's parse for the stance. */
    @Override
    public boolean readsParses() {
        return false;
    }

    /** The targets of one sentence go through the model together (in one sequence, in the sentence layout). */
    @Override
    public List<StancePrediction> predict(List<TargetInSentence> targets) {
        Map<String, List<Integer>> bySentence = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            bySentence.computeIfAbsent(targets.get(i).sentence(), sentence -> new ArrayList<>()).add(i);
        }
        List<SentenceTargets> sentences = new ArrayList<>();
        bySentence.forEach((sentence, indexes) -> sentences.add(new SentenceTargets(sentence,
                indexes.stream().map(i -> targets.get(i).span()).toList())));
        List<List<StancePrediction>> answers = predictSentences(sentences);
        StancePrediction[] predictions = new StancePrediction[targets.size()];
        int s = 0;
        for (List<Integer> indexes : bySentence.values()) {
            for (int k = 0; k < indexes.size(); k++) {
                predictions[indexes.get(k)] = answers.get(s).get(k);
            }
            s++;
        }
        return List.of(predictions);
    }

    public ModelDescription description() {
        return description;
    }

    /**
     * The stance toward each target of each sentence, in the order given.
     *
     * @throws IllegalArgumentException when a target span covers no word of its sentence
     */
    public List<List<StancePrediction>> predictSentences(List<SentenceTargets> sentences) {
        List<Pending> pending = new ArrayList<>();
        List<StancePrediction[]> results = new ArrayList<>(sentences.size());
        for (SentenceTargets sentence : sentences) {
            StancePrediction[] slots = new StancePrediction[sentence.targets().size()];
            results.add(slots);
            if (slots.length > 0) {
                for (EncodedSequence sequence : inputs.encode(sentence.text(), sentence.targets())) {
                    pending.add(new Pending(sequence, slots));
                }
            }
        }
        runAll(pending);
        return results.stream().map(List::of).toList();
    }

    /** The answers for sequences already encoded, each with as many answers as it has targets. */
    List<List<StancePrediction>> predictEncoded(List<EncodedSequence> sequences) {
        List<Pending> pending = new ArrayList<>();
        List<StancePrediction[]> results = new ArrayList<>();
        for (EncodedSequence sequence : sequences) {
            StancePrediction[] slots = new StancePrediction[sequence.targets().size()];
            results.add(slots);
            pending.add(new Pending(sequence, slots));
        }
        runAll(pending);
        return results.stream().map(List::of).toList();
    }

    /** Runs the sequences in batches of similar length, within the batch limits. */
    private void runAll(List<Pending> pending) {
        pending.sort(Comparator.comparingInt(p -> p.sequence().length()));
        int from = 0;
        while (from < pending.size()) {
            int to = from + 1;
            while (to < pending.size() && to - from < settings.batchSize()
                    && (to - from + 1) * pending.get(to).sequence().length() <= settings.batchTokens()) {
                to++;
            }
            run(pending.subList(from, to));
            from = to;
        }
    }

    /** One sequence waiting for the model, and where its targets' answers go. */
    private record Pending(EncodedSequence sequence, StancePrediction[] slots) {
    }

    private void run(List<Pending> batch) {
        int rows = batch.size();
        int length = batch.getLast().sequence().length();
        int targets = batch.stream().mapToInt(p -> p.sequence().targets().size()).max().orElse(1);
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        float[] targetMask = new float[rows * targets * length];
        for (int r = 0; r < rows; r++) {
            EncodedSequence sequence = batch.get(r).sequence();
            System.arraycopy(sequence.ids(), 0, ids, r * length, sequence.length());
            System.arraycopy(sequence.typeIds(), 0, types, r * length, sequence.length());
            Arrays.fill(mask, r * length, r * length + sequence.length(), 1L);
            for (int k = 0; k < sequence.targets().size(); k++) {
                TargetPieces target = sequence.targets().get(k);
                int row = (r * targets + k) * length;
                Arrays.fill(targetMask, row + target.from(), row + target.to(), 1f);
            }
        }
        long[] shape = {rows, length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
             OnnxTensor targetTensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(targetMask),
                     new long[] {rows, targets, length});
             OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor,
                     "token_type_ids", typeTensor, "target_mask", targetTensor))) {
            float[][][] probabilities = (float[][][]) result.get(0).getValue();
            for (int r = 0; r < rows; r++) {
                Pending pending = batch.get(r);
                List<TargetPieces> sequenceTargets = pending.sequence().targets();
                for (int k = 0; k < sequenceTargets.size(); k++) {
                    pending.slots()[sequenceTargets.get(k).target()] = prediction(probabilities[r][k]);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the stance model failed on a batch of " + rows + " sequences of "
                    + length + " pieces: " + e.getMessage(), e);
        }
    }

    /** Polarity the most probable class; score P(positive) - P(negative), as the v1 model's. */
    static StancePrediction prediction(float[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        double score = probabilities[Polarity.POSITIVE.ordinal()] - probabilities[Polarity.NEGATIVE.ordinal()];
        return new StancePrediction(Polarity.values()[best], Math.max(-1, Math.min(1, score)), probabilities[best]);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.warn("closing the ONNX session failed: {}", e.getMessage());
        }
        inputs.close();
    }

    private static ModelDescription describe(byte[] modelJson, String origin) {
        ModelDescription description;
        try {
            description = Json.mapper().readValue(modelJson, ModelDescription.class);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + origin + "model.json: " + e.getMessage(), e);
        }
        description.check(origin + "model.json");
        return description;
    }

    private static byte[] resource(String name) {
        try (InputStream in = TransformerStanceModel.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new ModelLoadException("the shipped stance model's " + RESOURCE_FOLDER + name
                        + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + RESOURCE_FOLDER + name + ": " + e.getMessage(), e);
        }
    }

    private static String fingerprint(byte[] onnx) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(onnx), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
