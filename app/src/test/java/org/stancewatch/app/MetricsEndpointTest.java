package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The Prometheus endpoint of {@code stancewatch analyze}: on this machine only unless told otherwise. */
class MetricsEndpointTest {

    @Test
    void theDefaultAddressKeepsTheMetricsOnThisMachine() {
        AnalyzeCommand command = CommandLine.populateCommand(new AnalyzeCommand(), "--metrics-port", "9464");

        assertThat(command.metricsAddress).isEqualTo("127.0.0.1");
    }

    @Test
    void theEndpointListensOnTheAddressGivenAndServesTheRegistry() throws Exception {
        try (MetricsEndpoint metrics = MetricsEndpoint.start("127.0.0.1", 0)) {
            metrics.registry().counter("stancewatch.test.count").increment();

            assertThat(metrics.address().getAddress().isLoopbackAddress()).isTrue();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metrics.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("stancewatch_test_count_total 1.0");
        }
    }
}
