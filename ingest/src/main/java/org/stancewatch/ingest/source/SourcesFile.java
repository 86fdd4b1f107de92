package org.stancewatch.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.stancewatch.config.ConfigProblem;

/**
 * Finds and loads {@code sources.yml}. The order: the file given with {@code --sources}; else
 * {@code config/sources.yml} under the working directory, if there is one; else the copy the
 * build bundled into the jar, so that the defaults work from any folder.
 */
public final class SourcesFile {
    /** Where the build puts the shipped {@code config/sources.yml} inside the ingest jar. */
    public static final String BUNDLED_RESOURCE = "/stancewatch/config/sources.yml";
    /** The conventional location, relative to the working directory. */
    public static final Path CONVENTIONAL = Path.of("config", "sources.yml");

    private SourcesFile() {}

    /** Loads the given file, or finds one as described above. */
    public static Sources load(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            return load(explicit.get());
        }
        if (Files.isRegularFile(CONVENTIONAL)) {
            return load(CONVENTIONAL);
        }
        return bundled();
    }

    /** Loads one file; its path names it in messages. */
    public static Sources load(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new SourcesException(List.of(new ConfigProblem(file.toString(), 0, "",
                    "no such file (give an existing sources file, or leave --sources out to use the defaults)")));
        } catch (IOException e) {
            throw new SourcesException(List.of(new ConfigProblem(file.toString(), 0, "",
                    "cannot read: " + e.getMessage())));
        }
    }

    /** The defaults shipped in the jar. */
    public static Sources bundled() {
        try (InputStream in = SourcesFile.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sources.yml is missing from the class path; rebuild stancewatch");
            }
            return parse("bundled sources.yml", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled sources.yml", e);
        }
    }

    /** Parses and validates YAML; {@code name} names it in messages. */
    public static Sources parse(String name, byte[] yaml) {
        return SourcesReader.read(name, yaml);
    }
}
