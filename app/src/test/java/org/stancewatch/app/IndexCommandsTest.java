package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The index stage's commands: options, errors and the Kibana setup request, without servers of the pipeline. */
class IndexCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private HttpServer server;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void kibanaSetupImportsIntoTheGivenUrlAndSaysWhatItDid() throws IOException {
        AtomicReference<String> request = new AtomicReference<>();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            request.set(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getRequestBody().readAllBytes();
            byte[] body = """
                    {"success":true,"successCount":3,"successResults":[{"type":"index-pattern","id":"a"},
                    {"type":"lens","id":"b"},{"type":"dashboard","id":"stancewatch-dashboard"}]}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();

        int exit = Stancewatch.execute("kibana", "setup", "--url", url);

        assertThat(exit).isZero();
        assertThat(request.get()).isEqualTo("POST /api/saved_objects/_import?overwrite=true");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Imported 3 saved objects (overwriting earlier copies): 1 dashboard, 1 data view, 1 visualisation")
                .contains(url + "/app/dashboards#/view/stancewatch-dashboard");
    }

    @Test
    void kibanaSetupWithoutKibanaFailsWithOneLineThatSaysWhatToDo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        int exit = Stancewatch.execute("kibana", "setup", "--url", "http://127.0.0.1:" + closedPort);
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stancewatch setup: Kibana is not reachable at")
                .contains("KIBANA_URL");
    }

    @Test
    void trendsNeedsAnActorAndTakesEitherAHolderOrTheOutletsOwnVoice() {
        assertThat(Stancewatch.execute("trends")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--actor=ID'");
        assertThat(Stancewatch.execute("trends", "--actor", "russia", "--holder", "nato", "--own-voice")).isEqualTo(2);
        assertThat(Stancewatch.execute("trends", "--actor", "russia", "--interval", "year")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("DAY, WEEK, MONTH");
    }

    @Test
    void everyIndexCommandHasCompleteHelp() {
        for (String[] command : new String[][] {{"index"}, {"trends"}, {"alerts"}, {"kibana", "setup"}}) {
            out.reset();
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            assertThat(Stancewatch.execute(args)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(String.join(" ", command))
                    .contains("Usage: stancewatch " + String.join(" ", command)).contains("--help");
        }
        out.reset();
        Stancewatch.execute("trends", "--help");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--topic", "--outlet", "--holder", "--own-voice",
                "--interval", "--from", "--to", "--json", "--outlets", "--evidence");
    }

    @Test
    void timesAreYearsMonthsDaysOrIsoTimesInUtc() {
        TimeConverter times = new TimeConverter();
        assertThat(times.convert("2011")).isEqualTo(Instant.parse("2011-01-01T00:00:00Z"));
        assertThat(times.convert("2011-03")).isEqualTo(Instant.parse("2011-03-01T00:00:00Z"));
        assertThat(times.convert("2011-03-17")).isEqualTo(Instant.parse("2011-03-17T00:00:00Z"));
        assertThat(times.convert("2011-03-17T10:00:00+02:00")).isEqualTo(Instant.parse("2011-03-17T08:00:00Z"));
        assertThatThrownBy(() -> times.convert("last week")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("2011-03-17");
    }
}
