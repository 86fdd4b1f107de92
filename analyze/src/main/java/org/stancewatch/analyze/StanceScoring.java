package org.stancewatch.analyze;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.stancewatch.analyze.stance.ArticleAnalysis;
import org.stancewatch.analyze.stance.CoreNlpStanceScorer;
import org.stancewatch.analyze.stance.LocalArticles;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;

/**
 * The stance scorer the analyze stage runs, loaded from its lexicon and model files: CoreNLP and
 * a stance model. Loading takes 10-20 s and about 2 GB of memory; close it to free the model.
 *
 * <p>It crosses to the analyze job as a {@link StanceScorer}; a text it analyzes comes back as an
 * {@link ArticleAnalysis}, a record of the stage's data contract.
 */
public final class StanceScoring implements StanceScorer, AutoCloseable {
    /** The model a scorer loads unless told otherwise. */
    public static final String DEFAULT_MODEL = StanceModels.DEFAULT;
    /** The models there are to choose from, for people. */
    public static final String MODEL_CHOICES = StanceModels.CHOICES;

    private final CoreNlpStanceScorer scorer;

    private StanceScoring(CoreNlpStanceScorer scorer) {
        this.scorer = scorer;
    }

    /** The shipped lexicons and the default model. */
    public static StanceScoring fromDefaults() {
        return fromFiles(null, null, StanceModels.DEFAULT);
    }

    /**
     * The given lexicon files (a null path means the shipped one) and model ({@code v1}, {@code v2},
     * a v2 model folder or a v1 model file); files are read and checked before CoreNLP loads.
     */
    public static StanceScoring fromFiles(Path actorsFile, Path topicsFile, String modelChoice) {
        return new StanceScoring(CoreNlpStanceScorer.fromFiles(actorsFile, topicsFile,
                () -> StanceModels.load(modelChoice)));
    }

    /**
     * A text's mentions, topics, and what was skipped, as if it were an article published on
     * {@code date} (the date decides which office a person held).
     */
    public ArticleAnalysis analyze(String text, String origin, LocalDate date, String language) {
        return scorer.analyze(LocalArticles.of(text, origin, date, language));
    }

    @Override
    public List<Mention> score(Article article) {
        return scorer.score(article);
    }

    @Override
    public String version() {
        return scorer.version();
    }

    @Override
    public void close() {
        scorer.close();
    }
}
