package org.stancewatch.ingest.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A response worth reading: 200 with its body (decompressed), or 304 Not Modified without one.
 *
 * @param requested    the URL asked for
 * @param url          the URL answered, after redirects
 * @param status       200-299, or 304
 * @param contentType  the Content-Type header, or null
 * @param etag         the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 * @param body         the body, decompressed; empty for 304
 * @param truncated    true when the body was cut at the request's limit ({@link FetchRequest#truncate()})
 * @param redirects    the redirect hops followed, in order
 * @param fetchedAt    when the response arrived
 */
public record FetchResponse(
        URI requested,
        URI url,
        int status,
        String contentType,
        String etag,
        String lastModified,
        byte[] body,
        boolean truncated,
        List<URI> redirects,
        Instant fetchedAt) {

    public FetchResponse {
        redirects = List.copyOf(redirects);
        body = body == null ? new byte[0] : body;
    }

    public boolean notModified() {
        return status == 304;
    }
}
