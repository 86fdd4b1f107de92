package org.stancewatch.analyze.stance.transformer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * What {@code model.json} says about a transformer stance model: how its input is laid out and
 * what it was measured at. Written by the training recipe, read at load time.
 *
 * @param name      the model's name, the first part of each mention's {@code model} field
 * @param mode      the input layout it was trained with
 * @param maxTokens the longest sequence it was trained with, special pieces included
 * @param labels    its output classes in order; must be negative, neutral, positive
 * @param heldOut   its figures on the held-out articles ({@code macroF1}, {@code accuracy},
 *                  {@code targets}, {@code heldOutPercent}), for the regression test
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelDescription(String name, String mode, int maxTokens, List<String> labels,
                               Map<String, Double> heldOut) {

    static final List<String> LABELS = List.of("negative", "neutral", "positive");

    public ModelDescription {
        heldOut = heldOut == null ? Map.of() : Map.copyOf(heldOut);
    }

    /** Checks what the serving code relies on; {@code origin} names the file in the message. */
    void check(String origin) {
        if (name == null || name.isBlank() || mode == null) {
            throw new ModelLoadException(origin + ": 'name' and 'mode' are required");
        }
        if (!LABELS.equals(labels)) {
            throw new ModelLoadException(origin + ": labels must be " + LABELS + ", were " + labels);
        }
        try {
            InputMode.fromJson(mode);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(origin + ": " + e.getMessage(), e);
        }
        if (maxTokens < 24 || maxTokens > 512) {
            throw new ModelLoadException(origin + ": maxTokens must be 24..512, was " + maxTokens);
        }
    }

    public InputMode inputMode() {
        return InputMode.fromJson(mode);
    }
}
