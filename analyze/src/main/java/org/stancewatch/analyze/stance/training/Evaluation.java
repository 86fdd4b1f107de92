package org.stancewatch.analyze.stance.training;

import java.util.Locale;
import org.stancewatch.model.Polarity;

/**
 * Predictions against labels for the three polarities: accuracy, per-class precision, recall and
 * F1, and macro-F1 (NewsMTSC's F1m), from a confusion matrix.
 */
public final class Evaluation {

    private static final Polarity[] CLASSES = Polarity.values();

    private final long[][] confusion = new long[CLASSES.length][CLASSES.length];

    public void add(Polarity gold, Polarity predicted) {
        confusion[gold.ordinal()][predicted.ordinal()]++;
    }

    public long count() {
        long total = 0;
        for (long[] row : confusion) {
            for (long cell : row) {
                total += cell;
            }
        }
        return total;
    }

    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < CLASSES.length; c++) {
            correct += confusion[c][c];
        }
        return count() == 0 ? 0 : (double) correct / count();
    }

    public double precision(Polarity polarity) {
        int c = polarity.ordinal();
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    public double recall(Polarity polarity) {
        int c = polarity.ordinal();
        long gold = 0;
        for (long cell : confusion[c]) {
            gold += cell;
        }
        return gold == 0 ? 0 : (double) confusion[c][c] / gold;
    }

    public double f1(Polarity polarity) {
        double p = precision(polarity);
        double r = recall(polarity);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The mean of the three per-class F1 scores. */
    public double macroF1() {
        double sum = 0;
        for (Polarity polarity : CLASSES) {
            sum += f1(polarity);
        }
        return sum / CLASSES.length;
    }

    /** A short table: macro-F1, accuracy, and precision / recall / F1 per class. */
    public String format(String title) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: macro-F1 %.3f, accuracy %.3f (%d targets)%n", title, macroF1(),
                accuracy(), count()));
        for (Polarity polarity : CLASSES) {
            text.append(String.format(Locale.ROOT, "  %-8s precision %.3f  recall %.3f  F1 %.3f%n", polarity.json(),
                    precision(polarity), recall(polarity), f1(polarity)));
        }
        return text.toString();
    }
}
