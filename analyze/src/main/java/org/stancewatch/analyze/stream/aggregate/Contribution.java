package org.stancewatch.analyze.stream.aggregate;

import java.util.Objects;
import org.stancewatch.model.Mention;

/**
 * A mention added to (sign +1) or taken out of (sign -1) the series it belongs to, with the
 * weight it has there. A revised mention is one contribution taken out and one added.
 *
 * @param sign    +1 to add, -1 to subtract
 * @param weight  the mention's weight in the series: 1, or less for a down-weighted copy
 * @param mention the mention (for a subtraction, as it was counted; its sentence may be empty)
 */
public record Contribution(int sign, double weight, Mention mention) {

    public Contribution {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign must be +1 or -1, was " + sign);
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in (0, 1], was " + weight);
        }
        Objects.requireNonNull(mention, "mention");
    }

    public static Contribution added(Mention mention) {
        return new Contribution(1, 1, mention);
    }

    public static Contribution subtracted(Mention mention) {
        return new Contribution(-1, 1, mention);
    }

    public Contribution withWeight(double value) {
        return new Contribution(sign, value, mention);
    }

    public boolean isAddition() {
        return sign > 0;
    }
}
