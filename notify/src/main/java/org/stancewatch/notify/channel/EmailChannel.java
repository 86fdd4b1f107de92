package org.stancewatch.notify.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;
import org.stancewatch.notify.notice.Delivery;

/**
 * Mails each delivery through an SMTP server, or writes it as an {@code .eml} file into an outbox
 * folder (see {@link EmailSettings}).
 *
 * <p>The message has a plain-text and an HTML part, each alert's chart inline, and a
 * {@code Message-ID} of {@code <delivery-id@stancewatch>}: a repeat after a crash carries the same
 * id, which mail clients and archives recognise; in the outbox it replaces its own file.
 * Unreachable servers, timeouts and 4xx replies are retryable; 5xx replies, a rejected login and
 * rejected recipients are not.
 */
public final class EmailChannel implements Channel {
    private final String name;
    private final EmailSettings settings;
    private final Session session;
    private final Outbox outbox;
    private final Clock clock;

    public EmailChannel(String name, EmailSettings settings) {
        this(name, settings, Clock.systemUTC());
    }

    EmailChannel(String name, EmailSettings settings, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
        this.outbox = settings.writesToOutbox() ? new Outbox(settings.outbox()) : null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(Delivery delivery) throws DeliveryException {
        MimeMessage message;
        try {
            message = MailComposer.compose(session, delivery, settings, clock.instant());
        } catch (MessagingException e) {
            throw new DeliveryException("cannot compose the message of " + delivery.id() + ": " + e.getMessage(), false, e);
        }
        if (outbox != null) {
            outbox.write(delivery.id(), message, clock.instant());
            return;
        }
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw SmtpFailures.classify(e, server());
        } finally {
            closeQuietly(transport);
        }
    }

    /** Once the server took the message, a failed QUIT must not make it a failure (and a repeat). */
    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // the connection is gone either way
        }
    }

    private String server() {
        return "SMTP server " + settings.host() + ":" + settings.port() + " (channel " + name + ")";
    }

    private static Properties properties(EmailSettings settings) {
        Properties properties = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        properties.setProperty("mail.smtp.from", settings.from()); // the envelope sender, for bounces
        properties.setProperty("mail.smtp.auth", String.valueOf(settings.user() != null));
        properties.setProperty("mail.mime.charset", "UTF-8");
        switch (settings.security()) {
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                // Without "required" a server that drops STARTTLS would get the password in clear text.
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.setProperty("mail.smtp.ssl.enable", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        return properties;
    }
}
