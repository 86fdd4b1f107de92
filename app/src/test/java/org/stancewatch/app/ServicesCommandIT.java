package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.embedded.Ports;

/**
 * {@code stancewatch services} as a user runs it, in a process of its own: both servers ready
 * within a minute, data kept across restarts, and no server left behind when the command is
 * killed outright or stopped.
 */
class ServicesCommandIT {
    private static final Pattern READY = Pattern.compile("(Kafka|Elasticsearch)\\s+(\\S+)\\s+ready in ([0-9.]+) s.*\\(pid (\\d+),");

    @TempDir
    Path home;
    private final List<Process> started = new ArrayList<>();

    record Running(Process command, String kafka, String elasticsearch, List<Long> serverPids, List<Double> seconds) {}

    @AfterEach
    void stopLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void serversStartKeepTheirDataAndNeverOutliveTheCommand() throws Exception {
        Ports ports = Ports.free();

        Running first = start(ports);
        assertThat(first.seconds()).allSatisfy(seconds -> assertThat(seconds).isLessThan(60.0));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.kafka()))) {
            admin.createTopics(List.of(new NewTopic("kept-across-restarts", 1, (short) 1))).all().get();
        }
        assertThat(http("PUT", first.elasticsearch() + "/kept-across-restarts")).isEqualTo(200);

        first.command().destroyForcibly(); // kill -9: no shutdown hook runs in the command
        awaitGone(first.serverPids());

        Running second = start(ports);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", second.kafka()))) {
            assertThat(admin.listTopics().names().get()).contains("kept-across-restarts");
        }
        assertThat(http("GET", second.elasticsearch() + "/kept-across-restarts")).isEqualTo(200);

        second.command().destroy(); // SIGTERM, as on Ctrl-C: the command stops its servers
        assertThat(second.command().waitFor(60, TimeUnit.SECONDS)).isTrue();
        awaitGone(second.serverPids());
    }

    private Running start(Ports ports) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process command = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Stancewatch.class.getName(), "services", "--home", home.toString(),
                "--kafka-port", Integer.toString(ports.kafka()),
                "--kafka-controller-port", Integer.toString(ports.kafkaController()),
                "--elasticsearch-port", Integer.toString(ports.elasticsearchHttp()),
                "--elasticsearch-transport-port", Integer.toString(ports.elasticsearchTransport()))
                .redirectErrorStream(true)
                .start();
        started.add(command);
        List<Long> pids = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        String kafka = null;
        String elasticsearch = null;
        StringBuilder output = new StringBuilder();
        BufferedReader reader = new BufferedReader(new InputStreamReader(command.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        String line;
        while ((line = reader.readLine()) != null && System.nanoTime() < deadline) {
            output.append(line).append('\n');
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                if (ready.group(1).equals("Kafka")) {
                    kafka = ready.group(2);
                } else {
                    elasticsearch = ready.group(2);
                }
                seconds.add(Double.parseDouble(ready.group(3)));
                pids.add(Long.parseLong(ready.group(4)));
            }
            if (line.contains("Press Ctrl-C to stop")) {
                Thread drain = new Thread(() -> reader.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return new Running(command, kafka, elasticsearch, pids, seconds);
            }
        }
        throw new AssertionError("services did not become ready; output:\n" + output);
    }

    private static void awaitGone(List<Long> pids) {
        assertThat(pids).hasSize(2);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                        .as("server process %d", pid).isNotEqualTo(java.util.Optional.of(true))));
    }

    private static int http(String method, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
