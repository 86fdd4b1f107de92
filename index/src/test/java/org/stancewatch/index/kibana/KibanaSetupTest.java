package org.stancewatch.index.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The setup command's requests, against an HTTP server of the test's own standing in for Kibana. */
class KibanaSetupTest {
    record Received(String method, String path, String query, String xsrf, String contentType, String authorization,
            byte[] body) {}

    private HttpServer server;
    private final AtomicReference<Received> received = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsTheNdjsonAsAMultipartFileToTheImportApiWithOverwrite() {
        String url = kibana(200, successFor(SavedObjects.objects().size()));
        ImportReport report = new KibanaSetup(new KibanaSettings(url, "c2VjcmV0", "", "", Duration.ofSeconds(5)))
                .importSavedObjects();

        Received request = received.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/saved_objects/_import");
        assertThat(request.query()).isEqualTo("overwrite=true");
        assertThat(request.xsrf()).isNotBlank(); // Kibana refuses writes without kbn-xsrf
        assertThat(request.authorization()).isEqualTo("ApiKey c2VjcmV0");
        assertThat(request.contentType()).startsWith("multipart/form-data; boundary=");
        String boundary = request.contentType().substring(request.contentType().indexOf("boundary=") + 9);
        String body = new String(request.body(), StandardCharsets.UTF_8);
        String ndjson = new String(SavedObjects.ndjson(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("--" + boundary + "\r\n")
                .contains("Content-Disposition: form-data; name=\"file\"; filename=\"stancewatch.ndjson\"")
                .contains("\r\n\r\n" + ndjson + "\r\n--" + boundary + "--");

        assertThat(report.imported()).isEqualTo(SavedObjects.objects().size());
        assertThat(report.byType()).containsEntry("lens", 6).containsEntry("index-pattern", 4).containsEntry("dashboard", 1);
        assertThat(report.dashboardUrl()).isEqualTo(url + "/app/dashboards#/view/stancewatch-dashboard");
    }

    @Test
    void sendsBasicAuthenticationForAUser() {
        String url = kibana(200, successFor(SavedObjects.objects().size()));
        new KibanaSetup(new KibanaSettings(url, "", "elastic", "changeme", Duration.ofSeconds(5))).importSavedObjects();
        assertThat(received.get().authorization()).isEqualTo("Basic ZWxhc3RpYzpjaGFuZ2VtZQ==");
    }

    @Test
    void anUnreachableKibanaIsAClearErrorNamingTheUrlAndTheFix() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        assertThatThrownBy(() -> new KibanaSetup(KibanaSettings.of(url)).importSavedObjects())
                .isInstanceOf(KibanaSetupException.class)
                .hasMessageContaining("not reachable at " + url)
                .hasMessageContaining("KIBANA_URL");
    }

    @Test
    void aRefusalSaysWhatKibanaSaidAndWhatToDo() {
        String url = kibana(401, "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"missing authentication credentials\"}");
        assertThatThrownBy(() -> new KibanaSetup(KibanaSettings.of(url)).importSavedObjects())
                .isInstanceOf(KibanaSetupException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("missing authentication credentials")
                .hasMessageContaining("ELASTICSEARCH_API_KEY");
    }

    @Test
    void objectsKibanaRejectsAreListed() {
        String url = kibana(200, """
                {"success":false,"successCount":10,"errors":[{"id":"stancewatch-alerts-table","type":"lens",
                 "error":{"type":"missing_references"}}]}""");
        assertThatThrownBy(() -> new KibanaSetup(KibanaSettings.of(url)).importSavedObjects())
                .isInstanceOf(KibanaSetupException.class)
                .hasMessageContaining("imported 10 objects but refused 1")
                .hasMessageContaining("lens stancewatch-alerts-table: missing_references");
    }

    private String kibana(int status, String response) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getQuery(), exchange.getRequestHeaders().getFirst("kbn-xsrf"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestBody().readAllBytes()));
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String successFor(int count) {
        List<String> results = new ArrayList<>();
        SavedObjects.objects().forEach(o -> results.add("{\"type\":\"" + o.path("type").asText() + "\",\"id\":\""
                + o.path("id").asText() + "\",\"meta\":{\"title\":\"t\"}}"));
        return "{\"success\":true,\"successCount\":" + count + ",\"successResults\":[" + String.join(",", results) + "]}";
    }
}
