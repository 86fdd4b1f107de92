package org.stancewatch.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real single-node Elasticsearch 9 cluster in a JVM of its own, started from the server jars
 * on the module path.
 *
 * <p>Under its home folder: {@code node/} (the node's {@code path.home}, with the netty4
 * transport laid out under {@code modules/}), {@code data/}, {@code logs/} and {@code node.log}
 * (the node's console). This minimal node has no x-pack: no security, ILM, data streams or
 * Kibana; for those use the full Elasticsearch of docker-compose.yml.
 */
public final class EmbeddedElasticsearch extends EmbeddedServer {
    private static final String MAIN = "org.stancewatch.embedded.elasticsearch.ElasticsearchNodeMain";
    private static final String NETTY_MODULE = "transport-netty4";

    /**
     * @param home          folder for the node's home, data and logs
     * @param httpPort      REST port
     * @param transportPort node-to-node port
     * @param heap          heap of the node JVM, e.g. {@code 1g}
     * @param startTimeout  how long to wait for a yellow cluster
     */
    public record Settings(Path home, int httpPort, int transportPort, String heap, Duration startTimeout) {
        public Settings(Path home, int httpPort, int transportPort) {
            this(home, httpPort, transportPort, "1g", Duration.ofSeconds(90));
        }
    }

    private final Settings settings;

    private EmbeddedElasticsearch(Settings settings, Launched launched) {
        super(settings.home(), launched);
        this.settings = settings;
    }

    /** Lays out the node's home, starts the node and waits for a yellow or green cluster. */
    public static EmbeddedElasticsearch start(Settings settings) {
        long started = System.nanoTime();
        Ports.checkFree(settings.httpPort(), "Elasticsearch HTTP");
        Ports.checkFree(settings.transportPort(), "Elasticsearch transport");
        List<Path> serverJars = new ArrayList<>();
        List<Path> nettyJars = new ArrayList<>();
        for (Path jar : ServerJars.load(ServerJars.ELASTICSEARCH)) {
            (isNettyModuleJar(jar) ? nettyJars : serverJars).add(jar);
        }
        Path nodeHome = layOutHome(settings.home().resolve("node"), nettyJars);

        ChildJvm.Spec spec = new ChildJvm.Spec("Elasticsearch node",
                List.of(ServerJars.codeLocationOfResource(ServerJars.ELASTICSEARCH)), serverJars, MAIN,
                List.of("-Xms" + settings.heap(), "-Xmx" + settings.heap(),
                        "-Djava.io.tmpdir=" + mkdirs(settings.home().resolve("tmp")),
                        // as Elasticsearch's own jvm.options sets them
                        "-Dlog4j2.disable.jmx=true",
                        "-Dlog4j2.formatMsgNoLookups=true",
                        "-Dlog4j.shutdownHookEnabled=false",
                        "-Dio.netty.noUnsafe=true",
                        "-Dio.netty.noKeySetOptimization=true",
                        "-Dio.netty.recycler.maxCapacityPerThread=0",
                        "-Djava.locale.providers=CLDR",
                        "--add-modules=jdk.incubator.vector",
                        "--enable-native-access=ALL-UNNAMED,org.elasticsearch.nativeaccess,org.apache.lucene.core"),
                List.of("path.home=" + nodeHome,
                        "path.data=" + mkdirs(settings.home().resolve("data")),
                        "path.logs=" + mkdirs(settings.home().resolve("logs")),
                        "cluster.name=stancewatch",
                        "node.name=stancewatch-embedded",
                        "discovery.type=single-node",
                        "network.host=127.0.0.1",
                        "http.port=" + settings.httpPort(),
                        "transport.port=" + settings.transportPort(),
                        // a development node must keep working on a nearly full disk
                        "cluster.routing.allocation.disk.threshold_enabled=false"),
                settings.home().resolve("node.log"));
        return new EmbeddedElasticsearch(settings, launch(spec, jvm -> awaitHealthy(settings, jvm), started, url(settings)));
    }

    public String url() {
        return url(settings);
    }

    private static String url(Settings settings) {
        return "http://127.0.0.1:" + settings.httpPort();
    }

    /** The netty4 transport is a module: its jars live in its folder, never on the module path. */
    private static boolean isNettyModuleJar(Path jar) {
        String path = jar.toString().replace('\\', '/');
        return path.contains("/io/netty/")
                || path.contains("/" + NETTY_MODULE + "/")
                || path.contains("/elasticsearch-ssl-settings/");
    }

    /** {@code modules/transport-netty4/} holds the module's jars and its descriptor files. */
    private static Path layOutHome(Path nodeHome, List<Path> nettyJars) {
        Path module = mkdirs(nodeHome.resolve("modules").resolve(NETTY_MODULE));
        mkdirs(nodeHome.resolve("settings"));
        mkdirs(nodeHome.resolve("plugins"));
        try {
            for (Path jar : nettyJars) {
                Path target = module.resolve(jar.getFileName());
                if (!Files.exists(target) || Files.size(target) != Files.size(jar)) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (jar.getFileName().toString().startsWith(NETTY_MODULE)) {
                    extractDescriptors(jar, module);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the Elasticsearch home " + nodeHome, e);
        }
        return nodeHome;
    }

    private static void extractDescriptors(Path moduleJar, Path module) throws IOException {
        String prefix = "META-INF/es-plugins/" + NETTY_MODULE + "/";
        try (ZipFile zip = new ZipFile(moduleJar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().startsWith(prefix) && !entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, module.resolve(entry.getName().substring(prefix.length())),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static void awaitHealthy(Settings settings, ChildJvm jvm) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create(url(settings) + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (true) {
            jvm.checkAlive();
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
            }
            jvm.checkBefore(deadline, settings.startTimeout(), "Elasticsearch did not become healthy");
            ChildJvm.pause(200);
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
