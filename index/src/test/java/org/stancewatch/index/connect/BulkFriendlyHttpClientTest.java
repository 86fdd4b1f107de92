package org.stancewatch.index.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.transport.http.TransportHttpClient.Request;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkFriendlyHttpClientTest {

    @Test
    void bodyInSeveralBuffersBecomesOneWithTheSameBytesAndRequestLine() {
        List<ByteBuffer> lines = List.of(buffer("{\"index\":{\"_id\":\"a\"}}\n"), buffer("{\"x\":1}\n"),
                buffer("{\"index\":{\"_id\":\"b\"}}\n"), buffer("{\"x\":2}\n"));
        Request request = new Request("POST", "/_bulk", Map.of("refresh", "false"),
                Map.of("Content-Type", "application/x-ndjson"), lines);

        Request joined = BulkFriendlyHttpClient.streamlined(request);

        assertThat(parts(joined.body())).hasSize(1);
        assertThat(text(joined.body())).isEqualTo("{\"index\":{\"_id\":\"a\"}}\n{\"x\":1}\n{\"index\":{\"_id\":\"b\"}}\n{\"x\":2}\n");
        assertThat(joined.method()).isEqualTo("POST");
        assertThat(joined.path()).isEqualTo("/_bulk");
        assertThat(joined.queryParams()).isEqualTo(request.queryParams());
        assertThat(joined.headers()).containsEntry("Content-Type", "application/x-ndjson");
    }

    @Test
    void callersBuffersKeepTheirPositionsSoARetryResendsTheWholeBody() {
        List<ByteBuffer> lines = List.of(buffer("first\n"), buffer("second\n"));
        Request request = new Request("POST", "/_bulk", Map.of(), Map.of(), lines);

        BulkFriendlyHttpClient.streamlined(request);

        assertThat(text(request.body())).isEqualTo("first\nsecond\n");
    }

    @Test
    void requestWithoutBodyOrWithOneBufferKeepsItsBody() {
        Request bodiless = new Request("GET", "/_cluster/health", Map.of(), Map.of(), null);
        List<ByteBuffer> one = List.of(buffer("{}"));
        Request single = new Request("PUT", "/x", Map.of(), Map.of(), one);

        assertThat(BulkFriendlyHttpClient.streamlined(bodiless).body()).isNull();
        assertThat(BulkFriendlyHttpClient.streamlined(single).body()).isSameAs(one);
    }

    @Test
    void everyRequestAsksForAnUncompressedResponse() {
        Request request = new Request("POST", "/_bulk", Map.of(), Map.of("Accept-Encoding", "gzip"), null);

        assertThat(BulkFriendlyHttpClient.streamlined(request).headers()).containsEntry("Accept-Encoding", "identity");
    }

    private static ByteBuffer buffer(String text) {
        return ByteBuffer.wrap(text.getBytes(UTF_8));
    }

    private static List<ByteBuffer> parts(Iterable<ByteBuffer> body) {
        List<ByteBuffer> parts = new ArrayList<>();
        body.forEach(parts::add);
        return parts;
    }

    private static String text(Iterable<ByteBuffer> body) {
        StringBuilder text = new StringBuilder();
        for (ByteBuffer part : body) {
            text.append(UTF_8.decode(part.duplicate()));
        }
        return text.toString();
    }
}
