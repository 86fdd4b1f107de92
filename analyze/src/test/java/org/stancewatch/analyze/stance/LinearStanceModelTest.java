package org.stancewatch.analyze.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.Polarity;

class LinearStanceModelTest {

    private static LinearStanceModel model() {
        return new LinearStanceModel(Map.of(
                "bias", new double[] {0, 0.5, 0},
                "w=condemn", new double[] {2, 0, -1},
                "w=praise", new double[] {-1, 0, 2}),
                new double[] {0, 0, 0},
                Map.of("features", StanceFeatures.VERSION));
    }

    private static Counter<String> features(String... names) {
        Counter<String> features = new ClassicCounter<>();
        for (String name : names) {
            features.setCount(name, 1);
        }
        return features;
    }

    @Test
    void predictsTheClassWithTheHighestScore() {
        StancePrediction condemn = model().predict(features("bias", "w=condemn"));
        StancePrediction praise = model().predict(features("bias", "w=praise"));
        StancePrediction nothing = model().predict(features("bias", "w=unknown"));

        assertThat(condemn.polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(condemn.score()).isNegative();
        assertThat(praise.polarity()).isEqualTo(Polarity.POSITIVE);
        assertThat(praise.score()).isPositive();
        assertThat(nothing.polarity()).isEqualTo(Polarity.NEUTRAL);
        assertThat(condemn.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void offsetsShiftTheDecision() {
        LinearStanceModel shifted = model().withOffsets(new double[] {0, -2, 0}, Map.of());

        assertThat(shifted.predict(features("bias")).polarity()).isNotEqualTo(Polarity.NEUTRAL);
    }

    @Test
    void writesAndReadsBackTheSameModelByteForByte() throws IOException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        model().withOffsets(new double[] {-0.1, 0, 0.15}, Map.of("heldout.macroF1", "0.6600")).write(first);

        LinearStanceModel read = LinearStanceModel.read(new ByteArrayInputStream(first.toByteArray()), "test");
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        read.write(second);

        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
        assertThat(read.metadata()).containsEntry("heldout.macroF1", "0.6600");
        assertThat(read.predict(features("bias", "w=praise")).score())
                .isCloseTo(model().withOffsets(new double[] {-0.1, 0, 0.15}, Map.of()).predict(features("bias", "w=praise")).score(),
                        within(1e-4));
    }

    @Test
    void aModelOfOtherFeaturesIsRefusedWithWhatToDo() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new LinearStanceModel(Map.of("bias", new double[] {0, 0, 0}), new double[3], Map.of("features", "stance-features/0"))
                .write(bytes);

        assertThatThrownBy(() -> LinearStanceModel.read(new ByteArrayInputStream(bytes.toByteArray()), "old.tsv.gz"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("stancewatch stance train");
    }

    @Test
    void theShippedModelLoadsAndRecordsItsFigures() {
        LinearStanceModel shipped = LinearStanceModel.loadDefault();

        assertThat(shipped.featureCount()).isGreaterThan(1000);
        assertThat(Double.parseDouble(shipped.metadata().get("heldout.macroF1"))).isGreaterThanOrEqualTo(0.60);
        assertThat(shipped.id()).hasSize(10);
    }
}
