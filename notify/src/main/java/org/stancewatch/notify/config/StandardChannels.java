package org.stancewatch.notify.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.stancewatch.config.Quantities;
import org.stancewatch.notify.channel.AtomFeedChannel;
import org.stancewatch.notify.channel.AtomSettings;
import org.stancewatch.notify.channel.Channel;
import org.stancewatch.notify.channel.EmailChannel;
import org.stancewatch.notify.channel.EmailSettings;
import org.stancewatch.notify.channel.SmtpSecurity;
import org.stancewatch.notify.channel.WebhookChannel;
import org.stancewatch.notify.channel.WebhookFormat;
import org.stancewatch.notify.channel.WebhookSettings;

/**
 * The channels stancewatch ships: {@code atom}, {@code webhook} and {@code email}, built from
 * their keys in {@code alerts.yml} (docs/notification-channels.md). Secrets come from the
 * environment variables the {@code *Env} keys name, read when the channel is built.
 */
public final class StandardChannels implements ChannelFactory {
    private static final Map<String, Set<String>> SETTINGS = Map.of(
            "atom", Set.of("file", "maxEntries", "title", "selfLink"),
            "webhook", Set.of("url", "format", "tokenEnv", "connectTimeout", "requestTimeout"),
            "email", Set.of("host", "port", "security", "user", "passwordEnv", "from", "to", "timeout", "outbox"));

    private final UnaryOperator<String> environment;

    /** Reads secrets from the process environment (how {@link java.util.ServiceLoader} builds it). */
    public StandardChannels() {
        this(System::getenv);
    }

    public StandardChannels(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public Set<String> types() {
        return SETTINGS.keySet();
    }

    @Override
    public Set<String> settings(String type) {
        return SETTINGS.get(type);
    }

    @Override
    public Channel create(ChannelSpec spec) throws ChannelSettingsException {
        Settings s = new Settings(spec.settings());
        try {
            return switch (spec.type()) {
                case "atom" -> new AtomFeedChannel(spec.name(), new AtomSettings(s.path("file"),
                        s.integer("maxEntries"), s.text("title"), s.uri("selfLink")));
                case "webhook" -> new WebhookChannel(spec.name(), new WebhookSettings(s.required("url", s.uri("url")),
                        s.text("format") == null ? null : WebhookFormat.fromConfig(s.text("format")),
                        secret(s.text("tokenEnv")), s.duration("connectTimeout"), s.duration("requestTimeout")));
                case "email" -> new EmailChannel(spec.name(), new EmailSettings(s.text("host"), s.integer("port"),
                        s.text("security") == null ? null : SmtpSecurity.fromConfig(s.text("security")),
                        s.text("user"), secret(s.text("passwordEnv")), s.text("from"), s.list("to"),
                        s.duration("timeout"), s.path("outbox")));
                default -> throw new ChannelSettingsException("type", "not a type of this factory: " + spec.type());
            };
        } catch (IllegalArgumentException e) {
            throw new ChannelSettingsException("", e.getMessage());
        }
    }

    private String secret(String variable) {
        return variable == null ? null : environment.apply(variable);
    }

    /** A channel's YAML keys read as the settings records take them: absent keys as null. */
    private record Settings(JsonNode node) {

        String text(String key) {
            JsonNode value = node.get(key);
            return value == null || value.isNull() ? null : value.asText();
        }

        <T> T required(String key, T value) throws ChannelSettingsException {
            if (value == null) {
                throw new ChannelSettingsException(key, "required");
            }
            return value;
        }

        Integer integer(String key) throws ChannelSettingsException {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                return value.asInt();
            }
            if (value.isTextual() && value.asText().strip().matches("\\d{1,9}")) {
                return Integer.parseInt(value.asText().strip());
            }
            throw new ChannelSettingsException(key, "expected a whole number, found '" + value.asText() + "'");
        }

        Duration duration(String key) throws ChannelSettingsException {
            String value = text(key);
            try {
                return value == null ? null : Quantities.duration(value);
            } catch (IllegalArgumentException e) {
                throw new ChannelSettingsException(key, e.getMessage());
            }
        }

        URI uri(String key) throws ChannelSettingsException {
            String value = text(key);
            try {
                return value == null ? null : new URI(value.strip());
            } catch (URISyntaxException e) {
                throw new ChannelSettingsException(key, "not a URL: " + e.getReason());
            }
        }

        Path path(String key) {
            String value = text(key);
            return value == null ? null : Path.of(value);
        }

        /** A list written as a YAML sequence or as one comma-separated string. */
        List<String> list(String key) {
            JsonNode value = node.get(key);
            List<String> items = new ArrayList<>();
            if (value == null || value.isNull()) {
                return items;
            }
            if (value.isArray()) {
                value.forEach(item -> items.add(item.asText()));
            } else {
                for (String item : value.asText().split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            }
            return items;
        }
    }
}
