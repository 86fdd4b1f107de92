package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The index stage's commands: options, errors and the Kibana setup request, without servers of the pipeline. */
class IndexCommandsTest {
    private HttpServer server;

    @AfterEach
    void stopServer() {
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

        CommandRun setup = CommandRun.of("kibana", "setup", "--url", url);

        assertThat(setup.exit()).isZero();
        assertThat(request.get()).isEqualTo("POST /api/saved_objects/_import?overwrite=true");
        assertThat(setup.out())
                .contains("Imported 3 saved objects (overwriting earlier copies): 1 dashboard, 1 data view, 1 visualisation")
                .contains(url + "/app/dashboards#/view/stancewatch-dashboard");
    }

    @Test
    void kibanaSetupWithoutKibanaFailsWithOneLineThatSaysWhatToDo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CommandRun setup = CommandRun.of("kibana", "setup", "--url", "http://127.0.0.1:" + closedPort);
        assertThat(setup.exit()).isEqualTo(1);
        assertThat(setup.err()).contains("stancewatch kibana setup: Kibana is not reachable at")
                .contains("KIBANA_URL");
    }

    @Test
    void kibanaSetupWaitsForKibanaNoLongerThanItsWaitAndSaysWhatItLastSaw() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();
        CommandRun setup = CommandRun.of("kibana", "setup", "--url", "http://127.0.0.1:" + closedPort, "--wait", "2s");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(setup.exit()).isEqualTo(1);
        assertThat(setup.out()).contains("Waiting up to 2 s for Kibana at http://127.0.0.1:" + closedPort);
        assertThat(setup.err()).contains("was not available within").contains("not reachable").contains("--wait");
        assertThat(tookMillis).isLessThan(15_000);
    }

    @Test
    void trendsNeedsAnActorAndTakesEitherAHolderOrTheOutletsOwnVoice() {
        CommandRun noActor = CommandRun.of("trends");
        assertThat(noActor.exit()).isEqualTo(2);
        assertThat(noActor.err()).contains("Missing required option: '--actor=ID'");
        assertThat(CommandRun.of("trends", "--actor", "russia", "--holder", "nato", "--own-voice").exit()).isEqualTo(2);
        CommandRun badInterval = CommandRun.of("trends", "--actor", "russia", "--interval", "year");
        assertThat(badInterval.exit()).isEqualTo(2);
        assertThat(badInterval.err()).contains("DAY, WEEK, MONTH");
    }

    @Test
    void everyIndexCommandHasCompleteHelp() {
        for (String[] command : new String[][] {{"index"}, {"trends"}, {"alerts"}, {"kibana", "setup"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            CommandRun help = CommandRun.of(args);
            assertThat(help.exit()).isZero();
            assertThat(help.out()).as(String.join(" ", command))
                    .contains("Usage: stancewatch " + String.join(" ", command)).contains("--help");
        }
        assertThat(CommandRun.of("trends", "--help").out()).contains("--topic", "--outlet", "--holder", "--own-voice",
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
