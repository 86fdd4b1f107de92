package org.stancewatch.app;

import java.nio.file.Path;
import org.stancewatch.analyze.StanceScoring;
import picocli.CommandLine.Option;

/** The options that choose the stance scorer's files, for every command that loads it. */
final class ScorerFiles {
    @Option(names = "--actors", paramLabel = "FILE",
            description = "actors file (default: ./config/actors.yml, else the bundled one)")
    Path actors;

    @Option(names = "--topics", paramLabel = "FILE",
            description = "topics file (default: ./config/topics.yml, else the bundled one)")
    Path topics;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = StanceScoring.DEFAULT_MODEL,
            description = "stance model: " + StanceScoring.MODEL_CHOICES + " (default: ${DEFAULT-VALUE})")
    String model;

    /** The scorer these files make: lexicons and model are read (and checked) before CoreNLP loads. */
    StanceScoring scorer() {
        return StanceScoring.fromFiles(actors, topics, model);
    }

    /** The chosen model: v1, v2, a v2 model folder or a v1 model file. */
    String modelChoice() {
        return model;
    }
}
