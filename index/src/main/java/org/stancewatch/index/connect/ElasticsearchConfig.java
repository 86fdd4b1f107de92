package org.stancewatch.index.connect;

import java.net.URI;
import java.util.Objects;

/**
 * Where Elasticsearch is and how to authenticate: an API key, or a user and password, or
 * neither (an unsecured node such as the embedded one).
 *
 * @param url      e.g. {@code http://localhost:9200}
 * @param apiKey   base64 API key, or empty
 * @param username user for basic authentication, or empty
 * @param password password for basic authentication, or empty
 */
public record ElasticsearchConfig(String url, String apiKey, String username, String password) {

    public ElasticsearchConfig {
        Objects.requireNonNull(url, "url");
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("Elasticsearch URL '" + url
                        + "' is not an absolute http(s) URL such as http://localhost:9200");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("Elasticsearch URL") ? e.getMessage()
                    : "Elasticsearch URL '" + url + "' is not a valid URL: " + e.getMessage(), e);
        }
        apiKey = apiKey == null ? "" : apiKey;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /** An unsecured node at {@code url}. */
    public static ElasticsearchConfig of(String url) {
        return new ElasticsearchConfig(url, "", "", "");
    }

    public boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    public boolean hasUser() {
        return !username.isEmpty();
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "ElasticsearchConfig[url=" + url + (hasApiKey() ? ", apiKey=***" : "")
                + (hasUser() ? ", username=" + username + ", password=***" : "") + "]";
    }
}
