package org.stancewatch.embedded.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.stancewatch.embedded.EmbeddedServices;
import org.stancewatch.embedded.Ports;

/**
 * Gives integration tests the embedded Kafka broker and Elasticsearch node: one of each per
 * test JVM, shared by every test class, each started on first use on free ports, with fresh
 * data, and stopped when the test run ends.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedServicesExtension.class)
 * class ArticlesIT {
 *     @Test
 *     void roundTrip(EmbeddedServices services) {
 *         String bootstrap = services.kafkaBootstrapServers();
 *         ...
 * }</pre>
 *
 * <p>The data lives under the {@code stancewatch.test.home} system property (Failsafe sets it
 * to {@code target/it-services}), or a temporary folder.
 */
public final class EmbeddedServicesExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedServicesExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedServices.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store lives as long as the test run, and closes what it holds at the end.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(EmbeddedServices.class,
                key -> new EmbeddedServices(freshHome(), Ports.free()), EmbeddedServices.class);
    }

    private static Path freshHome() {
        try {
            String configured = System.getProperty("stancewatch.test.home");
            if (configured == null) {
                return Files.createTempDirectory("stancewatch-it");
            }
            Path home = Path.of(configured);
            deleteRecursively(home);
            return Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded services' folder", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
