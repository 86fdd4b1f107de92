package org.stancewatch.analyze.stance;

import java.nio.file.Path;
import java.util.List;
import org.stancewatch.analyze.stance.training.ArticleSplit;
import org.stancewatch.analyze.stance.training.LabelledTarget;
import org.stancewatch.analyze.stance.training.StanceTraining;
import org.stancewatch.analyze.stance.training.TrainingReport;
import org.stancewatch.analyze.stance.training.TrainingSettings;

public class TrainMain {
    public static void main(String[] args) {
        List<LabelledTarget> targets = StanceTraining.load(Path.of(args[0]), Path.of(args[1]), 2, System.out::println);
        TrainingSettings settings = new TrainingSettings(Double.parseDouble(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        TrainingReport report = StanceTraining.train(targets, ArticleSplit.DEFAULT, settings, System.out::println);
        System.out.println(report.format());
        if (args.length > 5) report.model().write(Path.of(args[5]));
    }
}
