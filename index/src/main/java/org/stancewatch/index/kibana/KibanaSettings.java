package org.stancewatch.index.kibana;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Kibana is and how to authenticate (Kibana takes Elasticsearch's credentials: an API key,
 * or a user and password).
 *
 * @param url      e.g. {@code http://localhost:5601}
 * @param apiKey   base64 API key, or empty
 * @param username user, or empty
 * @param password password, or empty
 * @param timeout  how long to wait for Kibana's answer
 */
public record KibanaSettings(String url, String apiKey, String username, String password, Duration timeout) {
    public KibanaSettings {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Kibana URL '" + url + "' is not a valid URL", e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("Kibana URL '" + url + "' is not an absolute URL such as http://localhost:5601");
        }
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        apiKey = apiKey == null ? "" : apiKey;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        Objects.requireNonNull(timeout, "timeout");
    }

    public static KibanaSettings of(String url) {
        return new KibanaSettings(url, "", "", "", Duration.ofSeconds(60));
    }

    @Override
    public String toString() {
        return "KibanaSettings[url=" + url + (apiKey.isEmpty() ? "" : ", apiKey=***")
                + (username.isEmpty() ? "" : ", username=" + username + ", password=***") + "]";
    }
}
