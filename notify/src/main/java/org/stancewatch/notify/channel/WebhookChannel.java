package org.stancewatch.notify.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.stancewatch.notify.notice.Delivery;

/**
 * Posts each delivery as JSON to an HTTP endpoint: a service of your own, a Slack or Mattermost
 * channel (see {@link WebhookFormat}).
 *
 * <p>The {@code Idempotency-Key} header carries the delivery's id, so a receiver that honours it
 * ignores the repeat a crash can cause. A 2xx answer is success; 408, 425, 429, 5xx, timeouts
 * and connection failures may pass and are retryable (with the receiver's {@code Retry-After});
 * any other answer is a refusal, reported with its status and the start of its body.
 */
public final class WebhookChannel implements Channel {
    /** How much of an error answer's body is quoted in the failure. */
    static final int QUOTED_BODY_CHARS = 200;
    /** Bytes of an answer kept; the rest is read and dropped, so a chatty receiver costs no memory. */
    private static final int KEPT_BODY_BYTES = 4096;

    private final String name;
    private final WebhookSettings settings;
    private final HttpClient client;
    private final Clock clock;

    public WebhookChannel(String name, WebhookSettings settings) {
        this(name, settings, Clock.systemUTC());
    }

    WebhookChannel(String name, WebhookSettings settings, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a moved webhook is a configuration to fix
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(Delivery delivery) throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", delivery.id())
                .header("User-Agent", Product.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(WebhookPayload.of(delivery, settings.format())));
        if (settings.token() != null) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        judge(exchange(request.build()));
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws DeliveryException {
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, keepingTheStart());
        // The client's own timeout ends at the headers; this one also bounds a body that trickles.
        Duration whole = settings.connectTimeout().plus(settings.requestTimeout());
        try {
            return answer.get(whole.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw timedOut(e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to " + receiver(), true, e);
        } catch (ExecutionException e) {
            throw failed(e.getCause() == null ? e : e.getCause());
        }
    }

    private void judge(HttpResponse<byte[]> response) throws DeliveryException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String quoted = quote(response.body());
        boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
        Duration retryAfter = retryable ? RetryAfter.parse(response.headers().firstValue("Retry-After"), clock)
                .orElse(null) : null;
        String message = receiver() + " answered " + status + (quoted.isEmpty() ? "" : ": " + quoted)
                + (retryable ? "" : advice(status));
        throw new DeliveryException(message, retryable, retryAfter, null);
    }

    private DeliveryException timedOut(Exception cause) {
        return new DeliveryException("no answer from " + receiver() + " within " + settings.requestTimeout().toSeconds()
                + " s (requestTimeout); will try again", true, cause);
    }

    private DeliveryException failed(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return new DeliveryException(receiver() + " timed out (" + cause.getMessage() + "); will try again", true, cause);
        }
        if (cause instanceof ConnectException) {
            return new DeliveryException("cannot connect to " + receiver() + " (" + describe(cause)
                    + "); is it running and reachable? will try again", true, cause);
        }
        if (cause instanceof IOException) {
            return new DeliveryException("posting to " + receiver() + " failed: " + describe(cause) + "; will try again",
                    true, cause);
        }
        return new DeliveryException("cannot post to " + receiver() + ": " + describe(cause), false, cause);
    }

    private static String advice(int status) {
        return switch (status) {
            case 401, 403 -> " (check the token's environment variable and the receiver's permissions)";
            case 404, 410 -> " (check the webhook url: the receiver does not know it)";
            case 301, 302, 303, 307, 308 -> " (the webhook moved: put its new url in alerts.yml)";
            default -> " (the receiver refused the message; retrying will not help)";
        };
    }

    private String receiver() {
        return "webhook " + name + " at " + settings.receiver();
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String quote(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return text.length() <= QUOTED_BODY_CHARS ? text : text.substring(0, QUOTED_BODY_CHARS) + "…";
    }

    /** Keeps the first {@link #KEPT_BODY_BYTES} of an answer and drains the rest. */
    private static BodyHandler<byte[]> keepingTheStart() {
        return info -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            return BodySubscribers.mapping(BodySubscribers.ofByteArrayConsumer((Optional<byte[]> chunk) ->
                    chunk.ifPresent(bytes -> kept.write(bytes, 0,
                            Math.max(0, Math.min(bytes.length, KEPT_BODY_BYTES - kept.size()))))),
                    done -> kept.toByteArray());
        };
    }
}
