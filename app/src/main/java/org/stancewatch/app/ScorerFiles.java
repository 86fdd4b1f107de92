package org.stancewatch.app;

import java.io.IOException;
import java.nio.file.Path;
import org.stancewatch.analyze.stance.CoreNlpStanceScorer;
import org.stancewatch.analyze.stance.StanceModel;
import picocli.CommandLine.Option;

/** The options that choose the stance scorer's files, for every command that loads it. */
final class ScorerFiles {
    @Option(names = "--actors", paramLabel = "FILE",
            description = "actors file (default: ./config/actors.yml, else the bundled one)")
    Path actors;

    @Option(names = "--topics", paramLabel = "FILE",
            description = "topics file (default: ./config/topics.yml, else the bundled one)")
    Path topics;

    @Option(names = "--model", paramLabel = "FILE", description = "stance model file (default: the shipped model)")
    Path model;

    /** The scorer these files make: lexicons and model are read (and checked) before CoreNLP loads. */
    CoreNlpStanceScorer scorer() {
        return CoreNlpStanceScorer.fromFiles(actors, topics, model);
    }

    /** The chosen model alone. */
    StanceModel model() throws IOException {
        return model == null ? StanceModel.loadDefault() : StanceModel.read(model);
    }
}
