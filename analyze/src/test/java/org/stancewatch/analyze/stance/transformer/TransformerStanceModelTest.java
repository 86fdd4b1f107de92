package org.stancewatch.analyze.stance.transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.analyze.stance.CharSpan;
import org.stancewatch.analyze.stance.StancePrediction;
import org.stancewatch.analyze.stance.training.Evaluation;
import org.stancewatch.analyze.stance.training.NewsMtscScoring;
import org.stancewatch.model.Polarity;
import org.stancewatch.model.json.Json;

/** The shipped v2 model in ONNX Runtime: the same answers as in training, batching, and its files checked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransformerStanceModelTest {

    private TransformerStanceModel model;

    @BeforeAll
    void load() {
        model = TransformerStanceModel.loadDefault(TransformerSettings.DEFAULT);
    }

    @AfterAll
    void close() {
        model.close();
    }

    /**
     * The input contract on both sides: sequences that the Java encoder wrote for training, run
     * here, give the probabilities PyTorch gave them (the shipped weights are int8, PyTorch's
     * float32, hence the margin).
     */
    @Test
    void theShippedModelAnswersAsThePyTorchModelItWasExportedFrom() throws IOException {
        JsonNode check;
        try (InputStream in = getClass().getResourceAsStream("/stance-v2/check.json")) {
            check = Json.mapper().readTree(in);
        }
        List<EncodedSequence> sequences = new ArrayList<>();
        for (JsonNode sequence : check.get("sequences")) {
            List<EncodedSequence.TargetPieces> targets = new ArrayList<>();
            for (JsonNode target : sequence.get("targets")) {
                targets.add(new EncodedSequence.TargetPieces(targets.size(), target.get(0).asInt(), target.get(1).asInt()));
            }
            sequences.add(new EncodedSequence(longs(sequence.get("ids")), longs(sequence.get("types")), targets));
        }

        List<List<StancePrediction>> predictions = model.predictEncoded(sequences);

        int s = 0;
        for (JsonNode sequence : check.get("sequences")) {
            for (int k = 0; k < sequence.get("targets").size(); k++) {
                JsonNode expected = sequence.get("probabilities").get(k);
                StancePrediction prediction = predictions.get(s).get(k);
                double score = expected.get(2).asDouble() - expected.get(0).asDouble();
                assertThat(prediction.score()).as("sequence %d target %d", s, k).isCloseTo(score, within(0.05));
            }
            s++;
        }
    }

    @Test
    void batchingChangesNoAnswer() {
        List<SentenceTargets> sentences = new ArrayList<>();
        String[] texts = {
            "NATO welcomed Russia's decision to reopen the talks.",
            "The Kremlin accused Washington of meddling, and Russia recalled its ambassador to the United States.",
            "Iran rejected the offer.",
            "Officials in Brussels said the European Union and NATO would meet Russia and Ukraine next week "
                    + "to discuss the gas dispute that has left much of the Balkans without heating this winter."};
        for (String text : texts) {
            List<CharSpan> targets = new ArrayList<>();
            for (String name : List.of("NATO", "Russia", "Kremlin", "Washington", "Iran", "European Union", "Ukraine")) {
                int at = text.indexOf(name);
                if (at >= 0) {
                    targets.add(new CharSpan(at, at + name.length()));
                }
            }
            sentences.add(new SentenceTargets(text, targets));
        }

        List<List<StancePrediction>> together = model.predictSentences(sentences);

        for (int i = 0; i < sentences.size(); i++) {
            List<StancePrediction> alone = model.predictSentences(List.of(sentences.get(i))).getFirst();
            for (int k = 0; k < alone.size(); k++) {
                assertThat(together.get(i).get(k).score()).isCloseTo(alone.get(k).score(), within(1e-4));
                assertThat(together.get(i).get(k).polarity()).isEqualTo(alone.get(k).polarity());
            }
        }
    }

    @Test
    void newsMtscScoringWritesOnePredictionPerGivenTargetWithoutParsing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("predictions.jsonl");
        Evaluation evaluation = NewsMtscScoring.score(Path.of("src/test/resources/newsmtsc/small.jsonl"), out,
                model, 1, message -> { });

        List<String> lines = Files.readAllLines(out);
        assertThat(evaluation.count()).isPositive();
        assertThat(lines).hasSize((int) evaluation.count());
        assertThat(lines.getFirst()).contains("\"Input.gid\"").contains("\"polarity\"").contains("\"score\"");
    }

    @Test
    void scoresAreWithinTheUnitIntervalAndConfidenceIsTheChosenClassProbability() {
        StancePrediction prediction = TransformerStanceModel.prediction(new float[] {0.7f, 0.2f, 0.1f});

        assertThat(prediction.polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(prediction.score()).isCloseTo(-0.6, within(1e-6));
        assertThat(prediction.confidence()).isCloseTo(0.7, within(1e-6));
    }

    @Test
    void theIdNamesTheModelAndFingerprintsItsWeights() {
        assertThat(model.version()).matches("minilm-stance/[0-9a-f]{10}");
        assertThat(model.readsParses()).isFalse();
    }

    @Test
    void aFolderWithoutTheModelFilesIsRefusedWithWhatItShouldHold(@TempDir Path folder) {
        assertThatThrownBy(() -> TransformerStanceModel.load(folder, TransformerSettings.DEFAULT))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("a model folder holds model.onnx, tokenizer.json and model.json");
    }

    @Test
    void aDescriptionWithOtherLabelsIsRefused(@TempDir Path folder) throws IOException {
        copyShipped(folder);
        Files.writeString(folder.resolve("model.json"),
                "{\"name\": \"x\", \"mode\": \"sentence\", \"maxTokens\": 128, \"labels\": [\"pos\", \"neg\"]}");

        assertThatThrownBy(() -> TransformerStanceModel.load(folder, TransformerSettings.DEFAULT))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("labels must be [negative, neutral, positive], were [pos, neg]");
    }

    @Test
    void aFileThatIsNotAnOnnxModelIsRefusedWithItsName(@TempDir Path folder) throws IOException {
        copyShipped(folder);
        Files.writeString(folder.resolve("model.onnx"), "not a model");

        assertThatThrownBy(() -> TransformerStanceModel.load(folder, TransformerSettings.DEFAULT))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.onnx into ONNX Runtime");
    }

    private static void copyShipped(Path folder) throws IOException {
        for (String name : List.of("model.onnx", "tokenizer.json", "model.json")) {
            try (InputStream in = TransformerStanceModelTest.class.getClassLoader()
                    .getResourceAsStream(TransformerStanceModel.RESOURCE_FOLDER + name)) {
                Files.copy(in, folder.resolve(name));
            }
        }
    }

    private static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }
}
