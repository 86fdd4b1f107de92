package org.stancewatch.analyze.stance.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.stancewatch.model.Polarity;

class EvaluationTest {

    @Test
    void computesAccuracyPerClassFiguresAndMacroF1() {
        Evaluation evaluation = new Evaluation();
        // negative: 2 right, 1 called neutral; neutral: 1 right; positive: 1 right, 1 called negative
        evaluation.add(Polarity.NEGATIVE, Polarity.NEGATIVE);
        evaluation.add(Polarity.NEGATIVE, Polarity.NEGATIVE);
        evaluation.add(Polarity.NEGATIVE, Polarity.NEUTRAL);
        evaluation.add(Polarity.NEUTRAL, Polarity.NEUTRAL);
        evaluation.add(Polarity.POSITIVE, Polarity.POSITIVE);
        evaluation.add(Polarity.POSITIVE, Polarity.NEGATIVE);

        assertThat(evaluation.count()).isEqualTo(6);
        assertThat(evaluation.accuracy()).isCloseTo(4 / 6.0, within(1e-9));
        assertThat(evaluation.precision(Polarity.NEGATIVE)).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(evaluation.recall(Polarity.NEGATIVE)).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(evaluation.f1(Polarity.NEUTRAL)).isCloseTo(2 * 0.5 * 1 / 1.5, within(1e-9));
        assertThat(evaluation.f1(Polarity.POSITIVE)).isCloseTo(2 * 1 * 0.5 / 1.5, within(1e-9));
        assertThat(evaluation.macroF1()).isCloseTo((2 / 3.0 + 2 / 3.0 + 2 / 3.0) / 3, within(1e-9));
    }

    @Test
    void alwaysNeutralScoresPoorly() {
        Evaluation evaluation = new Evaluation();
        for (Polarity gold : Polarity.values()) {
            evaluation.add(gold, Polarity.NEUTRAL);
        }
        assertThat(evaluation.macroF1()).isCloseTo((0 + 0.5 + 0) / 3, within(1e-9));
    }
}
