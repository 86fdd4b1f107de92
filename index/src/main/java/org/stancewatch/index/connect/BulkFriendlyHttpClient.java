package org.stancewatch.index.connect;

import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends requests the way a client that mostly writes bulks should, measured with {@code
 * bin/benchmark index}:
 *
 * <ul>
 *   <li><b>The body in one buffer.</b> The Java client serialises a {@code _bulk} request as one
 *       buffer per NDJSON line (action, document, newline), and the REST client sends each buffer
 *       as an HTTP chunk of its own: a 1,000-document bulk left as some 4,000 small writes, which
 *       nearly doubled Elasticsearch's CPU time per document and nearly tripled this JVM's. Joining the
 *       lines (about 0.6 MB per bulk) lets the body go out in a few large writes.
 *   <li><b>Uncompressed responses.</b> The HTTP client asks for gzip, and Elasticsearch then
 *       compresses every bulk response (about 150 bytes per document) while the requests, several
 *       times larger, travel uncompressed anyway: CPU on the node for little saved.
 * </ul>
 */
final class BulkFriendlyHttpClient implements TransportHttpClient {
    private final TransportHttpClient delegate;

    BulkFriendlyHttpClient(TransportHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public TransportOptions createOptions(TransportOptions options) {
        return delegate.createOptions(options);
    }

    @Override
    public Integer responseStatusCode(Throwable failure) {
        return delegate.responseStatusCode(failure);
    }

    @Override
    public Response performRequest(String endpointId, Node node, Request request, TransportOptions options)
            throws IOException {
        return delegate.performRequest(endpointId, node, streamlined(request), options);
    }

    @Override
    public CompletableFuture<Response> performRequestAsync(String endpointId, Node node, Request request,
            TransportOptions options) {
        return delegate.performRequestAsync(endpointId, node, streamlined(request), options);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    /** The request with its body in one buffer and uncompressed responses asked for. */
    static Request streamlined(Request request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.put("Accept-Encoding", "identity");
        return new Request(request.method(), request.path(), request.queryParams(), headers,
                contiguous(request.body()));
    }

    /** The body in one buffer; unchanged when it has none or one already. */
    private static Iterable<ByteBuffer> contiguous(Iterable<ByteBuffer> body) {
        if (body == null) {
            return null;
        }
        List<ByteBuffer> parts = new ArrayList<>();
        long size = 0;
        for (ByteBuffer part : body) {
            parts.add(part.duplicate()); // never move the caller's positions: a retry sends the same body
            size += part.remaining();
        }
        if (parts.size() <= 1 || size > Integer.MAX_VALUE) {
            return body;
        }
        ByteBuffer joined = ByteBuffer.allocate((int) size);
        parts.forEach(joined::put);
        joined.flip();
        return List.of(joined);
    }
}
