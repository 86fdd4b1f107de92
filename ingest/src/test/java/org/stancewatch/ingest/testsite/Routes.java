package org.stancewatch.ingest.testsite;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** The fixture server's misbehaving routes, each a small class: the bad inputs of the crawler's tests. */
public final class Routes {
    private Routes() {}

    /** Answers with a status and a short HTML body. */
    public record Status(int code) implements Route {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            send(exchange, code, "text/html; charset=utf-8", ("<html><body><h1>" + code + "</h1></body></html>").getBytes());
        }
    }

    /** Redirects to a fixed location. */
    public record Redirect(int code, String location) implements Route {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        }
    }

    /** Answers with a status, headers of its own and a body: a bot manager's challenge, say. */
    public record Page(int code, java.util.Map<String, String> headers, String contentType, byte[] body) implements Route {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            send(exchange, code, contentType, body);
        }
    }

    /** Sends a body of the given type. */
    public record Body(String contentType, byte[] body) implements Route {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            send(exchange, 200, contentType, body);
        }
    }

    /** Sends a body with no Content-Type header at all, as some servers do for static files. */
    public record Untyped(byte[] body) implements Route {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Sends headers, then one byte a second, for {@code seconds}: a server that drips. */
    public record Drip(int seconds) implements Route {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, seconds);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < seconds; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client hung up, as it should
            }
        }
    }

    /** A few kilobytes of gzip that inflate to {@code inflatedMegabytes} of zeros: a gzip bomb. */
    public static final class GzipBomb implements Route {
        private final byte[] compressed;
        private final boolean asContentEncoding;

        public GzipBomb(int inflatedMegabytes, boolean asContentEncoding) {
            this.compressed = bomb(inflatedMegabytes);
            this.asContentEncoding = asContentEncoding;
        }

        /** The bomb's bytes: gzip of {@code megabytes} of zeros. */
        public static byte[] bomb(int megabytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < megabytes; i++) {
                    gzip.write(zeros);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            if (asContentEncoding) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                send(exchange, 200, "text/html; charset=utf-8", compressed);
            } else {
                send(exchange, 200, "application/gzip", compressed);
            }
        }
    }

    /** A body of {@code bytes} bytes, with or without a Content-Length. */
    public record Oversized(int bytes, boolean declareLength) implements Route {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, declareLength ? bytes : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = "<p>filler filler filler filler</p>\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, bytes - sent));
                }
            } catch (IOException e) {
                // the client stopped reading at its limit
            }
        }
    }

    /** 429 or 503 with a Retry-After, {@code times} times, then the wrapped route. */
    public static final class RetryAfter implements Route {
        private final int status;
        private final String retryAfter;
        private final Route then;
        private int remaining;

        public RetryAfter(int status, String retryAfter, int times, Route then) {
            this.status = status;
            this.retryAfter = retryAfter;
            this.remaining = times;
            this.then = then;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            boolean refuse;
            synchronized (this) {
                refuse = remaining-- > 0;
            }
            if (refuse) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
                send(exchange, status, "text/plain", "slow down".getBytes());
            } else {
                then.handle(exchange);
            }
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // client gone
        }
    }
}
