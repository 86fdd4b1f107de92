package org.stancewatch.notify.channel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity {
    /** Plain SMTP, no encryption: only for a relay on this machine or a test server. Default port 25. */
    NONE(25),
    /** Plain connection upgraded with STARTTLS, which must succeed (mail submission). Default port 587. */
    STARTTLS(587),
    /** TLS from the first byte ("SMTPS", implicit TLS). Default port 465. */
    TLS(465);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port a server usually listens on for this mode. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The value in {@code alerts.yml}: {@code none}, {@code starttls} or {@code tls}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code none}, {@code starttls} or {@code tls}, with an error that lists the choices. */
    public static SmtpSecurity fromConfig(String value) {
        for (SmtpSecurity security : values()) {
            if (security.configName().equalsIgnoreCase(value.strip())) {
                return security;
            }
        }
        throw new IllegalArgumentException("unknown SMTP security '" + value + "'; use one of "
                + Arrays.stream(values()).map(SmtpSecurity::configName).collect(Collectors.joining(", ")));
    }
}
