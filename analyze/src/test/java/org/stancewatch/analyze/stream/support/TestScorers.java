package org.stancewatch.analyze.stream.support;

import java.lang.reflect.InvocationTargetException;
import org.stancewatch.analyze.stance.StanceScorer;

/**
 * The scorer a test or benchmark runs, by name: {@code fake} (the {@link KeywordStanceScorer}),
 * {@code corenlp} (the real CoreNLP scorer, {@code CoreNlpStanceScorer.fromDefaults()}), or the
 * name of any class with a static {@code fromDefaults()} returning a {@link StanceScorer}.
 * Tests read the name from the system property {@value #PROPERTY} (default {@code fake}).
 */
public final class TestScorers {
    public static final String PROPERTY = "stancewatch.test.scorer";
    static final String CORENLP = "org.stancewatch.analyze.stance.CoreNlpStanceScorer";

    private TestScorers() {}

    /** The scorer the system property names. */
    public static StanceScorer fromProperty() {
        return named(System.getProperty(PROPERTY, "fake"));
    }

    public static StanceScorer named(String name) {
        if (name.equals("fake")) {
            return new KeywordStanceScorer();
        }
        String className = name.equals("corenlp") ? CORENLP : name;
        try {
            return (StanceScorer) Class.forName(className).getMethod("fromDefaults").invoke(null);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("no scorer '" + name + "': " + className
                    + ".fromDefaults() is not on the class path", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create the scorer " + className, e.getCause());
        }
    }
}
