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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Waiting for Kibana's /api/status, against an HTTP server of the test's own standing in for Kibana. */
class KibanaReadinessTest {
    private static final Duration POLL = Duration.ofMillis(20);
    private HttpServer server;
    private final AtomicInteger asked = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aStartingKibanaIsAskedAgainUntilItsOverallLevelIsAvailable() throws IOException {
        String url = kibana(List.of(
                new Answer(503, "Kibana server is not ready yet"),
                new Answer(200, status("degraded")), // still migrating saved objects: an import could fail
                new Answer(200, status("available"))));

        int polls = new KibanaReadiness(KibanaSettings.of(url), POLL).awaitAvailable(Duration.ofSeconds(10));

        assertThat(polls).isEqualTo(3);
        assertThat(asked.get()).isEqualTo(3);
    }

    @Test
    void aKibanaThatNeverBecomesAvailableStopsTheWaitAtItsBoundWithTheLastLevelSeen() throws IOException {
        String url = kibana(List.of(new Answer(200, status("degraded"))));

        assertThatThrownBy(() -> new KibanaReadiness(KibanaSettings.of(url),
                POLL).awaitAvailable(Duration.ofMillis(300)))
                .isInstanceOf(KibanaSetupException.class)
                .hasMessageContaining("was not available within 0 s")
                .hasMessageContaining("last seen: degraded")
                .hasMessageContaining("--wait");
        assertThat(asked.get()).isBetween(2, 20);
    }

    @Test
    void anUnreachableKibanaIsRetriedUntilTheBoundAndNamedInTheError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        String url = "http://127.0.0.1:" + port;

        assertThatThrownBy(() -> new KibanaReadiness(KibanaSettings.of(url),
                POLL).awaitAvailable(Duration.ofMillis(200)))
                .isInstanceOf(KibanaSetupException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("not reachable");
    }

    @Test
    void refusedCredentialsEndTheWaitAtOnceSayingWhichVariablesToSet() throws IOException {
        String url = kibana(List.of(new Answer(401, "{\"message\":\"unauthorized\"}")));

        assertThatThrownBy(() -> new KibanaReadiness(KibanaSettings.of(url),
                POLL).awaitAvailable(Duration.ofSeconds(10)))
                .isInstanceOf(KibanaSetupException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("ELASTICSEARCH_API_KEY");
        assertThat(asked.get()).isEqualTo(1);
    }

    private record Answer(int status, String body) {}

    private static String status(String level) {
        return "{\"name\":\"kibana\",\"status\":{\"overall\":{\"level\":\"" + level + "\",\"summary\":\"\"}}}";
    }

    /** Answers /api/status with the answers in turn, repeating the last. */
    private String kibana(List<Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(KibanaReadiness.STATUS_PATH, exchange -> {
            Answer answer = answers.get(Math.min(asked.getAndIncrement(), answers.size() - 1));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
