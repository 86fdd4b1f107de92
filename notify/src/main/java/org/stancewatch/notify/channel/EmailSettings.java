package org.stancewatch.notify.channel;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An e-mail channel's settings ({@code type: email} in {@code alerts.yml}): either an SMTP server
 * ({@code host}) or an {@code outbox} folder that receives each message as an {@code .eml} file.
 *
 * @param host     the SMTP server; null when {@code outbox} is set
 * @param port     its port; null for the usual port of {@code security} (25, 587 or 465)
 * @param security how the connection is protected; default {@link SmtpSecurity#STARTTLS}
 * @param user     the SMTP login; null to send without authentication
 * @param password the login's password, resolved by the caller from the environment variable the
 *                 configuration names; null without {@code user}; never logged or printed
 * @param from     the sender address; default {@code stancewatch@localhost}
 * @param to       the recipients, at least one
 * @param timeout  for connecting and for each read and write on the connection; default 30 s
 * @param outbox   a folder to write messages into instead of sending them; null when {@code host} is set
 */
public record EmailSettings(String host, Integer port, SmtpSecurity security, String user, String password,
                           String from, List<String> to, Duration timeout, Path outbox) {

    public static final String DEFAULT_FROM = "stancewatch@localhost";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public EmailSettings {
        host = host == null || host.isBlank() ? null : host.strip();
        if ((host == null) == (outbox == null)) {
            throw new IllegalArgumentException("an e-mail channel needs either host (an SMTP server) or outbox "
                    + "(a folder for .eml files), exactly one");
        }
        security = security == null ? SmtpSecurity.STARTTLS : security;
        port = port == null ? Integer.valueOf(security.defaultPort()) : port;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
        }
        if (user != null && user.isBlank()) {
            user = null;
        }
        if (user != null && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("user " + user + " has no password: set the environment variable "
                    + "the channel's password setting names");
        }
        if (user == null && password != null) {
            throw new IllegalArgumentException("a password without a user: add user, or leave both out");
        }
        from = from == null || from.isBlank() ? DEFAULT_FROM : from.strip();
        address(from, "from");
        Objects.requireNonNull(to, "to");
        to = to.stream().map(String::strip).toList();
        if (to.isEmpty()) {
            throw new IllegalArgumentException("to must name at least one recipient");
        }
        to.forEach(recipient -> address(recipient, "to"));
        timeout = WebhookSettings.positive(timeout, DEFAULT_TIMEOUT, "timeout");
    }

    /** Sending through an SMTP server with the defaults: STARTTLS on 587, no login, 30 s timeouts. */
    public static EmailSettings smtp(String host, String from, List<String> to) {
        return new EmailSettings(host, null, null, null, null, from, to, null, null);
    }

    /** Writing each message into a folder instead of sending it. */
    public static EmailSettings outbox(Path folder, String from, List<String> to) {
        return new EmailSettings(null, null, null, null, null, from, to, null, folder);
    }

    /** True when messages go to the outbox folder rather than a server. */
    public boolean writesToOutbox() {
        return outbox != null;
    }

    /** Leaves the password out. */
    @Override
    public String toString() {
        String where = outbox != null ? "outbox=" + outbox
                : "host=" + host + ", port=" + port + ", security=" + security.configName() + ", user=" + user
                        + ", password=" + (password == null ? "none" : "(set)");
        return "EmailSettings[" + where + ", from=" + from + ", to=" + to + ", timeout=" + timeout + "]";
    }

    private static void address(String address, String field) {
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException(field + ": '" + address + "' is not an e-mail address (" + e.getMessage() + ")");
        }
    }
}
