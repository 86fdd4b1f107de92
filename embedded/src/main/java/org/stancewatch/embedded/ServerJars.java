package org.stancewatch.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The jars of a server, as recorded at build time by the {@code *-server} modules: absolute
 * paths into the local Maven repository, joined with the platform's path separator.
 *
 * <p>The server jars are resolved by Maven but never put on the application's class path, where
 * their own versions of shared libraries would clash with ours.
 */
final class ServerJars {
    static final String KAFKA = "org/stancewatch/embedded/kafka/server.classpath";
    static final String ELASTICSEARCH = "org/stancewatch/embedded/elasticsearch/server.classpath";

    private ServerJars() {}

    /** The jars listed in a manifest resource; each must exist. */
    static List<Path> load(String manifest) {
        InputStream in = ServerJars.class.getClassLoader().getResourceAsStream(manifest);
        if (in == null) {
            throw new IllegalStateException("server jar list " + manifest + " is not on the class path;"
                    + " build the project with ./mvnw install -DskipTests");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Path> jars = reader.lines()
                    .flatMap(line -> java.util.Arrays.stream(line.split(java.io.File.pathSeparator)))
                    .map(String::strip)
                    .filter(entry -> !entry.isEmpty())
                    .map(Path::of)
                    .toList();
            for (Path jar : jars) {
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException("server jar " + jar + " is missing (was the local Maven"
                            + " repository cleaned?); rebuild with ./mvnw install -DskipTests");
                }
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar or classes folder a class was loaded from. */
    static Path codeLocationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the code of " + type, e);
        }
    }

    /** The jar or classes folder that holds a resource. */
    static Path codeLocationOfResource(String resource) {
        var url = ServerJars.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the class path");
        }
        String text = url.toString();
        try {
            if (text.startsWith("jar:")) {
                return Path.of(new java.net.URI(text.substring(4, text.indexOf("!/"))));
            }
            Path file = Path.of(url.toURI());
            Path root = file;
            for (int i = 0; i < Path.of(resource).getNameCount(); i++) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + resource, e);
        }
    }
}
