package org.stancewatch.analyze;

import java.nio.file.Files;
import java.nio.file.Path;
import org.stancewatch.analyze.stance.LinearStanceModel;
import org.stancewatch.analyze.stance.TargetStanceModel;
import org.stancewatch.analyze.stance.transformer.TransformerSettings;
import org.stancewatch.analyze.stance.transformer.TransformerStanceModel;

/**
 * Loads a stance model by the name users give it ({@code --model}). It knows both models, v1 in
 * {@code stance} and v2 in {@code stance.transformer}, so it sits above both packages.
 */
public final class StanceModels {

    /** The model used when none is named. */
    public static final String DEFAULT = "v2";

    /** What {@code --model} accepts, for help texts and errors. */
    public static final String CHOICES = "v2 (the shipped transformer), v1 (the shipped linear model over CoreNLP "
            + "features), a v2 model folder (model.onnx, tokenizer.json, model.json) or a v1 model file (.tsv.gz)";

    private StanceModels() {
    }

    /** The model {@code choice} names; null means the default. */
    public static TargetStanceModel load(String choice) {
        return load(choice, TransformerSettings.DEFAULT);
    }

    public static TargetStanceModel load(String choice, TransformerSettings settings) {
        String name = choice == null ? DEFAULT : choice;
        if (name.equals("v2")) {
            return TransformerStanceModel.loadDefault(settings);
        }
        if (name.equals("v1")) {
            return LinearStanceModel.loadDefault();
        }
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            return TransformerStanceModel.load(path, settings);
        }
        if (Files.isRegularFile(path)) {
            return LinearStanceModel.read(path);
        }
        throw new IllegalArgumentException("no stance model '" + name + "': give " + CHOICES);
    }
}
