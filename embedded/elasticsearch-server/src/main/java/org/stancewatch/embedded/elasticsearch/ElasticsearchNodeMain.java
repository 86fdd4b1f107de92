package org.stancewatch.embedded.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginBundle;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Starts one real Elasticsearch node in this JVM and keeps it up until the JVM shuts down.
 *
 * <p>It runs in a JVM of its own, started by the embedded module with the server jars on the
 * module path and this class on the class path. Arguments are node settings as {@code
 * key=value} ({@code path.home}, {@code path.data}, {@code http.port}, ...); the modules folder
 * under {@code path.home} must already hold the netty4 transport.
 */
public final class ElasticsearchNodeMain {
    private ElasticsearchNodeMain() {}

    public static void main(String[] args) throws Exception {
        Settings settings = parse(args);
        LogConfigurator.configureESLogging();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings, Map.of(), null, () -> settings.get("node.name", "stancewatch"));
        writeLoggingConfig(environment.configDir());
        LogConfigurator.configure(environment, true);
        Set<PluginBundle> modules = PluginsLoader.loadModulesBundles(environment.modulesDir(), false);
        PluginsLoader plugins = PluginsLoader.createPluginsLoader(modules, Set.of(), Map.of());

        Node node = new Node(environment, plugins).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "elasticsearch-shutdown"));
        // Elasticsearch's own threads are daemons: this one keeps the JVM up until shutdown.
        stopped.await();
    }

    private static void writeLoggingConfig(Path configDir) throws IOException {
        try (InputStream in = ElasticsearchNodeMain.class.getResourceAsStream("log4j2.properties")) {
            Files.createDirectories(configDir);
            Files.copy(in, configDir.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Settings parse(String[] args) {
        Settings.Builder settings = Settings.builder();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
            }
            settings.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return settings.build();
    }
}
