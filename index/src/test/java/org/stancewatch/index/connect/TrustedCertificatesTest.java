package org.stancewatch.index.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elasticsearch 9 serves https with a certificate of its own CA. An https endpoint with a
 * self-signed certificate made by keytool stands in for it here: what is tested is whom the
 * client trusts.
 */
class TrustedCertificatesTest {
    @TempDir
    static Path dir;
    static Path caPem;
    static HttpsServer server;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        Path keystore = dir.resolve("node.p12");
        keytool("-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        caPem = dir.resolve("http_ca.crt");
        keytool("-exportcert", "-rfc", "-alias", "node", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", caPem.toString());

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static String url() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    @Test
    void aClientGivenTheNodesCaReachesItOverHttps() throws Exception {
        try (ElasticsearchClient client = ElasticsearchClients.create(ElasticsearchSettings.of(url())
                .withCaCertificate(caPem))) {
            assertThat(client.ping().value()).isTrue();
        }
    }

    @Test
    void aClientWithoutTheCaRefusesTheNode() throws Exception {
        try (ElasticsearchClient client = ElasticsearchClients.create(ElasticsearchSettings.of(url()))) {
            assertThatThrownBy(() -> client.ping()).hasStackTraceContaining("PKIX");
        }
    }

    @Test
    void aFileWithoutACertificateIsAnErrorThatSaysWhatIsExpected() throws Exception {
        Path notPem = Files.writeString(dir.resolve("key.txt"), "not a certificate");

        assertThatThrownBy(() -> TrustedCertificates.sslContext(notPem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key.txt");
    }

    @Test
    void credentialsOverPlainHttpAreWarnedAbout() {
        assertThat(new ElasticsearchSettings("http://es.example:9200", "", "elastic", "secret").cleartextWarning())
                .contains("plain http");
        assertThat(new ElasticsearchSettings("https://es.example:9200", "", "elastic", "secret").cleartextWarning())
                .isEmpty();
        assertThat(ElasticsearchSettings.of("http://localhost:9200").cleartextWarning()).isEmpty();
    }
}
