package org.stancewatch.notify.channel;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A webhook channel's settings ({@code type: webhook} in {@code alerts.yml}).
 *
 * @param url            where to POST: an http(s) URL (a Slack or Mattermost incoming-webhook URL
 *                       for {@link WebhookFormat#SLACK})
 * @param format         the body's form; default {@link WebhookFormat#JSON}
 * @param token          sent as {@code Authorization: Bearer <token>}; null for none. The caller
 *                       resolves it from the environment variable the configuration names, so it
 *                       never sits in a file; it is never logged or printed
 * @param connectTimeout to open the connection; default 10 s
 * @param requestTimeout for the whole answer; default 30 s
 */
public record WebhookSettings(URI url, WebhookFormat format, String token, Duration connectTimeout,
                              Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public WebhookSettings {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("webhook url must be an http:// or https:// URL with a host, was '"
                    + redacted(url) + "'");
        }
        format = format == null ? WebhookFormat.JSON : format;
        if (token != null && (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw new IllegalArgumentException("webhook token must be printable ASCII without spaces; "
                    + "check the environment variable that holds it");
        }
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
        requestTimeout = positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT, "requestTimeout");
    }

    /** The defaults for a URL: JSON, no token, 10 s to connect, 30 s for the answer. */
    public static WebhookSettings of(URI url) {
        return new WebhookSettings(url, null, null, null, null);
    }

    /** The receiver without path or query: incoming-webhook URLs carry their secret in the path. */
    public String receiver() {
        return redacted(url);
    }

    /** Names the receiver only: the URL's path and the token are secrets. */
    @Override
    public String toString() {
        return "WebhookSettings[url=" + receiver() + ", format=" + format.configName() + ", token="
                + (token == null ? "none" : "(set)") + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }

    private static String redacted(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return url.getScheme() + "://" + url.getHost() + port + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "" : "/…");
    }

    static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
