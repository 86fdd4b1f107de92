package org.stancewatch.app;

import java.nio.file.Path;
import org.stancewatch.analyze.stance.CoreNlpStanceScorer;
import org.stancewatch.analyze.stance.StanceModels;
import org.stancewatch.analyze.stance.TargetStanceModel;
import picocli.CommandLine.Option;

/** The options that choose the stance scorer's files, for every command that loads it. */
final class ScorerFiles {
    @Option(names = "--actors", paramLabel = "FILE",
            description = "actors file (default: ./config/actors.yml, else the bundled one)")
    Path actors;

    @Option(names = "--topics", paramLabel = "FILE",
            description = "topics file (default: ./config/topics.yml, else the bundled one)")
    Path topics;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = StanceModels.DEFAULT,
            description = "stance model: " + StanceModels.CHOICES + " (default: ${DEFAULT-VALUE})")
    String model;

    /** The scorer these files make: lexicons and model are read (and checked) before CoreNLP loads. */
    CoreNlpStanceScorer scorer() {
        return CoreNlpStanceScorer.fromFiles(actors, topics, model);
    }

    /** The chosen model alone. */
    TargetStanceModel model() {
        return StanceModels.load(model);
    }
}
