package org.stancewatch.analyze.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code actors.yml} and {@code topics.yml} come from: the file given, else
 * {@code ./config/actors.yml} (and {@code topics.yml}) when it exists, else the copy bundled in
 * the jar, so that the defaults work from any working directory.
 */
public final class LexiconFiles {

    /** Where the build puts the shipped files on the class path. */
    public static final String BUNDLED = "stancewatch/config/";

    private LexiconFiles() {
    }

    /** Both lexicons; either path may be null for the default. */
    public static Lexicons load(Path actorsFile, Path topicsFile) {
        Source actors = resolve(actorsFile, "actors.yml");
        Source topics = resolve(topicsFile, "topics.yml");
        ActorLexicon actorLexicon = LexiconLoader.actors(actors.name(), actors.text());
        TopicLexicon topicLexicon = LexiconLoader.topics(topics.name(), topics.text(), actorLexicon);
        return new Lexicons(actorLexicon, topicLexicon, actors.name(), topics.name());
    }

    /** The lexicons and where they were read from. */
    public record Lexicons(ActorLexicon actors, TopicLexicon topics, String actorsSource, String topicsSource) {
    }

    private record Source(String name, String text) {
    }

    private static Source resolve(Path explicit, String fileName) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new LexiconException(explicit.toString(), 0, "", "no such file", null);
            }
            return read(explicit);
        }
        Path local = Path.of("config", fileName);
        if (Files.isRegularFile(local)) {
            return read(local);
        }
        try (InputStream in = LexiconFiles.class.getClassLoader().getResourceAsStream(BUNDLED + fileName)) {
            if (in == null) {
                throw new LexiconException(fileName, 0, "", "not found: no ./config/" + fileName
                        + " and no bundled copy on the class path", null);
            }
            return new Source("bundled " + fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static Source read(Path file) {
        try {
            return new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LexiconException(file.toString(), 0, "", "cannot read: " + e.getMessage(), e);
        }
    }
}
