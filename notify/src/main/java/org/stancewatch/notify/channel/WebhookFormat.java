package org.stancewatch.notify.channel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a webhook's body looks like. */
public enum WebhookFormat {
    /**
     * stancewatch's own JSON: {@code type}, {@code id}, {@code title}, {@code text} and each notice
     * with its alert or source status in the model's JSON form.
     */
    JSON,
    /** A Slack or Mattermost incoming webhook: {@code {"text": ...}} in mrkdwn with links. */
    SLACK;

    /** The value in {@code alerts.yml}: {@code json} or {@code slack}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code json} or {@code slack}, with an error that lists the choices. */
    public static WebhookFormat fromConfig(String value) {
        for (WebhookFormat format : values()) {
            if (format.configName().equalsIgnoreCase(value.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown webhook format '" + value + "'; use one of "
                + Arrays.stream(values()).map(WebhookFormat::configName).collect(Collectors.joining(", ")));
    }
}
