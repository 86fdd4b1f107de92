package org.stancewatch.index.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.stancewatch.model.json.Json;

/**
 * Imports the {@link SavedObjects} into Kibana through its saved objects API
 * ({@code POST /api/saved_objects/_import?overwrite=true}, a multipart upload of the ndjson file),
 * so running it again updates the objects in place.
 */
public final class KibanaSetup {
    static final String IMPORT_PATH = "/api/saved_objects/_import?overwrite=true";
    static final String FILE_NAME = "stancewatch.ndjson";

    private final KibanaSettings config;
    private final HttpClient http;

    public KibanaSetup(KibanaSettings config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build();
    }

    /** Imports the saved objects, overwriting earlier copies. */
    public ImportReport importSavedObjects() {
        return importNdjson(SavedObjects.ndjson());
    }

    ImportReport importNdjson(byte[] ndjson) {
        String boundary = "stancewatch-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url() + IMPORT_PATH))
                .timeout(config.timeout())
                .header("kbn-xsrf", "stancewatch")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, ndjson)));
        KibanaReadiness.authorize(request, config);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new KibanaSetupException("Kibana is not reachable at " + config.url() + " (" + describe(e)
                    + "). Start it (docker compose up -d kibana) and wait until it is ready, or point --url / "
                    + "KIBANA_URL at it.", e);
        } catch (HttpTimeoutException e) {
            throw new KibanaSetupException("Kibana at " + config.url() + " did not answer within "
                    + config.timeout().toSeconds() + " s; it may still be starting: try again in a minute.", e);
        } catch (IOException e) {
            throw new KibanaSetupException("cannot talk to Kibana at " + config.url() + " (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KibanaSetupException("interrupted while importing into Kibana", e);
        }
        return report(response);
    }

    private ImportReport report(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new KibanaSetupException("Kibana at " + config.url() + " refused the import (HTTP " + status
                    + ": " + message(response.body()) + "). Set ELASTICSEARCH_API_KEY, or ELASTICSEARCH_USERNAME and "
                    + "ELASTICSEARCH_PASSWORD, to a user allowed to manage saved objects.", null);
        }
        if (status != 200) {
            throw new KibanaSetupException("Kibana at " + config.url() + " refused the import (HTTP " + status + ": "
                    + message(response.body()) + ")" + (status == 404
                    ? ". Is " + config.url() + " really Kibana (not Elasticsearch)?" : ""), null);
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new KibanaSetupException("Kibana at " + config.url() + " answered with something that is not JSON: "
                    + abbreviate(response.body()), e);
        }
        if (!body.path("success").asBoolean(false)) {
            List<String> errors = new ArrayList<>();
            for (JsonNode error : body.path("errors")) {
                errors.add(error.path("type").asText() + " " + error.path("id").asText() + ": "
                        + error.path("error").path("type").asText()
                        + (error.path("error").has("message") ? " " + error.path("error").path("message").asText() : ""));
            }
            throw new KibanaSetupException("Kibana imported " + body.path("successCount").asInt() + " objects but refused "
                    + errors.size() + ": " + String.join("; ", errors), null);
        }
        Map<String, Integer> byType = new TreeMap<>();
        for (JsonNode result : body.path("successResults")) {
            byType.merge(result.path("type").asText(), 1, Integer::sum);
        }
        return new ImportReport(body.path("successCount").asInt(), byType,
                config.url() + "/app/dashboards#/view/" + SavedObjects.DASHBOARD_ID);
    }

    private static byte[] multipart(String boundary, byte[] ndjson) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(ndjson.length + 256);
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + FILE_NAME + "\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(ndjson);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String message(String body) {
        try {
            JsonNode json = Json.mapper().readTree(body);
            if (json.hasNonNull("message")) {
                return json.get("message").asText();
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        return abbreviate(body);
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
