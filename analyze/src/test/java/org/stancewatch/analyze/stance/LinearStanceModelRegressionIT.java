package org.stancewatch.analyze.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.analyze.nlp.NlpPipeline;
import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.analyze.stance.training.ArticleSplit;
import org.stancewatch.analyze.stance.training.Evaluation;
import org.stancewatch.analyze.stance.training.LabelledTarget;
import org.stancewatch.analyze.stance.training.NewsMtscReader;
import org.stancewatch.analyze.stance.training.NewsMtscScoring;
import org.stancewatch.analyze.stance.training.NewsMtscSentence;
import org.stancewatch.analyze.stance.training.ParsedCorpus;
import org.stancewatch.analyze.stance.training.RntnBaseline;
import org.stancewatch.analyze.stance.training.StanceTrainer;
import org.stancewatch.analyze.stance.training.TrainingSettings;
import org.stancewatch.model.json.Json;

/**
 * The shipped model against NewsMTSC: its held-out figure must not fall, and training must be
 * reproducible. Needs the shared development data (skipped without it); parses about 1,500
 * sentences, so it takes a few minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinearStanceModelRegressionIT {

    /** How far the figure may move before the test fails: CoreNLP updates may shift a few parses. */
    private static final double MARGIN = 0.01;

    private Path data;
    private NlpPipeline pipeline;

    @BeforeAll
    void findData() {
        data = Path.of(System.getProperty("stancewatch.shared.data", "../../shared/data"), "newsmtsc", "train.jsonl");
        assumeTrue(Files.isRegularFile(data), "NewsMTSC training data not found at " + data
                + ": the stance model regression test needs ../shared/data (not part of the repository)");
        pipeline = NlpPipeline.forSingleSentences();
    }

    @Test
    void heldOutMacroF1StaysAtWhatTheShippedModelReached() {
        LinearStanceModel model = LinearStanceModel.loadDefault();
        double recorded = Double.parseDouble(model.metadata().get("heldout.macroF1"));
        ArticleSplit split = new ArticleSplit(Integer.parseInt(model.metadata().get("split.heldOutPercent")));
        List<NewsMtscSentence> heldOut = NewsMtscReader.read(data).stream()
                .filter(sentence -> split.isHeldOut(sentence.articleKey())).toList();
        List<ParsedSentence> parsed = ParsedCorpus.parse(heldOut, pipeline, 2, System.out::println);
        List<LabelledTarget> targets = new ArrayList<>();
        for (int i = 0; i < heldOut.size(); i++) {
            targets.addAll(LabelledTarget.of(heldOut.get(i), parsed.get(i)));
        }

        Evaluation figures = org.stancewatch.analyze.stance.training.StanceTraining.evaluate(model, targets);
        Evaluation baseline = new Evaluation();
        targets.forEach(target -> baseline.add(target.gold(), RntnBaseline.predict(target.sentence())));
        System.out.print(figures.format("shipped model, held out") + baseline.format("RNTN baseline"));

        assertThat(figures.count()).isEqualTo(Long.parseLong(model.metadata().get("heldout.targets")));
        assertThat(figures.macroF1()).isGreaterThanOrEqualTo(recorded - MARGIN);
        assertThat(figures.macroF1()).isGreaterThan(baseline.macroF1() + 0.1);
    }

    @Test
    void theSameDataGivesTheSameModelByteForByte() throws IOException {
        List<NewsMtscSentence> sentences = NewsMtscReader.read(data).subList(0, 300);
        List<ParsedSentence> parsed = ParsedCorpus.parse(sentences, pipeline, 2, System.out::println);
        List<LabelledTarget> targets = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            targets.addAll(LabelledTarget.of(sentences.get(i), parsed.get(i)));
        }
        TrainingSettings settings = new TrainingSettings(0.25, 2, 2);

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        new StanceTrainer(settings, message -> { }).train(targets).write(first);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        new StanceTrainer(settings, message -> { }).train(new ArrayList<>(targets)).write(second);

        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
    }

    @Test
    void newsMtscScoringWritesOnePredictionPerGivenTarget(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("predictions.jsonl");

        Evaluation evaluation = NewsMtscScoring.score(Path.of("src/test/resources/newsmtsc/small.jsonl"), out,
                LinearStanceModel.loadDefault(), 1, message -> { });

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        assertThat(evaluation.count()).isEqualTo(4);
        List<String> gids = new ArrayList<>();
        for (String line : lines) {
            JsonNode prediction = Json.mapper().readTree(line);
            gids.add(prediction.get("Input.gid").asText());
            assertThat(Set.of(2.0, 4.0, 6.0)).contains(prediction.get("polarity").asDouble());
            assertThat(prediction.get("score").asDouble()).isBetween(-1.0, 1.0);
            assertThat(prediction.get("confidence").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(gids).containsExactly("allsides_1_10_0_Russia_0_6", "allsides_1_10_3_NATO_0_4",
                "allsides_1_10_3_Moscow_29_35", "polusa_v1_555_-1_7_Obama_0_5");
    }
}
