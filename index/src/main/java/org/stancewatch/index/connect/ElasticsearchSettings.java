package org.stancewatch.index.connect;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where Elasticsearch is and how to authenticate: an API key, or a user and password, or
 * neither (an unsecured node such as the embedded one); for https, optionally the CA that signed
 * the node's certificate (Elasticsearch 9 makes its own CA at first start).
 *
 * @param url           e.g. {@code http://localhost:9200}
 * @param apiKey        base64 API key, or empty
 * @param username      user for basic authentication, or empty
 * @param password      password for basic authentication, or empty
 * @param caCertificate PEM file of the CA to trust besides the JDK's, or null
 */
public record ElasticsearchSettings(String url, String apiKey, String username, String password, Path caCertificate) {

    public ElasticsearchSettings {
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

    public ElasticsearchSettings(String url, String apiKey, String username, String password) {
        this(url, apiKey, username, password, null);
    }

    /** An unsecured node at {@code url}. */
    public static ElasticsearchSettings of(String url) {
        return new ElasticsearchSettings(url, "", "", "");
    }

    /** The same, trusting the CA of this PEM file (null: the JDK's CAs only). */
    public ElasticsearchSettings withCaCertificate(Path value) {
        return new ElasticsearchSettings(url, apiKey, username, password, value);
    }

    public boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    public boolean hasUser() {
        return !username.isEmpty();
    }

    /** A warning when credentials would travel over plain http, else empty. */
    public String cleartextWarning() {
        boolean plain = url.toLowerCase(Locale.ROOT).startsWith("http://");
        if (plain && (hasApiKey() || hasUser())) {
            return "Elasticsearch credentials go over plain http to " + url + ": anyone on the network can read "
                    + "them. Use an https URL (Elasticsearch 9 serves https when security is on).";
        }
        return "";
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "ElasticsearchSettings[url=" + url + (hasApiKey() ? ", apiKey=***" : "")
                + (hasUser() ? ", username=" + username + ", password=***" : "")
                + (caCertificate != null ? ", caCertificate=" + caCertificate : "") + "]";
    }
}
