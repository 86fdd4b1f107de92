package org.stancewatch.notify.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.stancewatch.config.ConfigProblem;

/**
 * Finds and loads {@code alerts.yml}: the file given with {@code --alerts-file}; else
 * {@code config/alerts.yml} under the working directory, if there is one; else the copy bundled
 * into the jar, so that the defaults work from any folder.
 */
public final class AlertsFile {
    /** Where the build puts the shipped {@code config/alerts.yml} inside the notify jar. */
    public static final String BUNDLED_RESOURCE = "/stancewatch/config/alerts.yml";
    /** The conventional location, relative to the working directory. */
    public static final Path CONVENTIONAL = Path.of("config", "alerts.yml");

    private AlertsFile() {}

    /** Loads the given file, or finds one as described above; settings read the process environment. */
    public static AlertsConfig load(Optional<Path> explicit, ChannelFactory factory) {
        if (explicit.isPresent()) {
            return load(explicit.get(), System::getenv, factory);
        }
        if (Files.isRegularFile(CONVENTIONAL)) {
            return load(CONVENTIONAL, System::getenv, factory);
        }
        return bundled(System::getenv, factory);
    }

    /** Loads one file; its path names it in messages. */
    public static AlertsConfig load(Path file, UnaryOperator<String> environment, ChannelFactory factory) {
        try {
            return parse(file.toString(), Files.readAllBytes(file), environment, factory);
        } catch (NoSuchFileException e) {
            throw new AlertsConfigException(List.of(new ConfigProblem(file.toString(), 0, "",
                    "no such file (give an existing alerts file, or leave --alerts-file out to use the defaults)")));
        } catch (IOException e) {
            throw new AlertsConfigException(List.of(new ConfigProblem(file.toString(), 0, "",
                    "cannot read: " + e.getMessage())));
        }
    }

    /** The defaults shipped in the jar. */
    public static AlertsConfig bundled(UnaryOperator<String> environment, ChannelFactory factory) {
        try (InputStream in = AlertsFile.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled alerts.yml is missing from the class path; rebuild stancewatch");
            }
            return parse("bundled alerts.yml", in.readAllBytes(), environment, factory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled alerts.yml", e);
        }
    }

    /** Parses and checks YAML, building its channels; {@code name} names it in messages. */
    public static AlertsConfig parse(String name, byte[] yaml, UnaryOperator<String> environment,
            ChannelFactory factory) {
        return AlertsReader.read(name, yaml, environment, factory);
    }
}
