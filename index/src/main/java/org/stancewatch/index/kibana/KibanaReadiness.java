package org.stancewatch.index.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.stancewatch.model.json.Json;

/**
 * Waits until Kibana says it is available ({@code GET /api/status}: {@code status.overall.level} is
 * {@code available}), polling within a bounded time. A starting Kibana answers 503 or not at all, and one
 * still migrating its saved objects answers {@code degraded}: importing then fails or is lost, so setup waits.
 */
public final class KibanaReadiness {
    static final String STATUS_PATH = "/api/status";

    private final KibanaSettings config;
    private final Duration pollEvery;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public KibanaReadiness(KibanaSettings config) {
        this(config, Duration.ofSeconds(5));
    }

    KibanaReadiness(KibanaSettings config, Duration pollEvery) {
        this.config = config;
        this.pollEvery = pollEvery;
    }

    /**
     * Returns once Kibana is available; throws {@link KibanaSetupException} when it is not within
     * {@code atMost}, or at once when it refuses the credentials.
     *
     * @return how many times it asked
     */
    public int awaitAvailable(Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        String lastSeen = "no answer yet";
        int asked = 0;
        while (true) {
            asked++;
            lastSeen = ask();
            if (lastSeen.equals("available")) {
                return asked;
            }
            if (!Instant.now().plus(pollEvery).isBefore(deadline)) {
                throw new KibanaSetupException("Kibana at " + config.url() + " was not available within "
                        + atMost.toSeconds() + " s (last seen: " + lastSeen + "). Check its log (docker compose logs "
                        + "kibana), or wait longer with --wait.", null);
            }
            try {
                Thread.sleep(pollEvery.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KibanaSetupException("interrupted while waiting for Kibana at " + config.url(), e);
            }
        }
    }

    /** Kibana's overall level, or what stood in the way of learning it. */
    private String ask() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url() + STATUS_PATH))
                .timeout(Duration.ofSeconds(10)).GET();
        authorize(request, config);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return "not reachable (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KibanaSetupException("interrupted while waiting for Kibana at " + config.url(), e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new KibanaSetupException("Kibana at " + config.url() + " refused the credentials (HTTP "
                    + response.statusCode() + "). Set ELASTICSEARCH_API_KEY, or ELASTICSEARCH_USERNAME and "
                    + "ELASTICSEARCH_PASSWORD.", null);
        }
        try {
            JsonNode level = Json.mapper().readTree(response.body()).path("status").path("overall").path("level");
            if (level.isTextual()) {
                return level.asText();
            }
        } catch (IOException notJson) {
            // a proxy's page or Kibana's "server is not ready yet": fall through
        }
        return "HTTP " + response.statusCode();
    }

    /** Kibana takes Elasticsearch's credentials: an API key, else a user and password. */
    static void authorize(HttpRequest.Builder request, KibanaSettings config) {
        if (!config.apiKey().isEmpty()) {
            request.header("Authorization", "ApiKey " + config.apiKey());
        } else if (!config.username().isEmpty()) {
            String credentials = config.username() + ":" + config.password();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
