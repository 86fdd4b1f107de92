package org.stancewatch.notify.channel;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;
import org.stancewatch.notify.render.AlertChart;
import org.stancewatch.notify.render.NoticeHtml;
import org.stancewatch.notify.render.NoticeText;

/**
 * Builds the MIME message of a delivery: {@code multipart/alternative} of the plain text and a
 * {@code multipart/related} HTML part that carries each alert's chart inline ({@code cid:}).
 * The {@code Message-ID} is fixed by the delivery's id, so a repeated send is recognisable.
 */
final class MailComposer {
    /** Charts per message: a digest of dozens of alerts would otherwise weigh megabytes. */
    static final int MAX_CHARTS = 10;

    private MailComposer() {}

    /** {@code <delivery-id@stancewatch>}, the id reduced to the characters a Message-ID allows. */
    static String messageId(Delivery delivery) {
        return "<" + safe(delivery.id()) + "@stancewatch>";
    }

    /** The delivery's id as a file or header part: letters, digits, dot, dash and underscore only. */
    static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static MimeMessage compose(Session session, Delivery delivery, EmailSettings settings, Instant now)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId(delivery));
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(MimeMessage.RecipientType.TO, String.join(",", settings.to()));
        message.setSubject(NoticeText.subject(delivery), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(now));
        message.setHeader("X-Mailer", Product.token());
        message.setHeader("X-Stancewatch-Delivery", delivery.id());

        Map<String, byte[]> charts = charts(delivery);
        Map<String, String> sources = new LinkedHashMap<>();
        charts.keySet().forEach(noticeId -> sources.put(noticeId, "cid:" + contentId(sources.size() + 1)));

        MimeBodyPart text = new MimeBodyPart();
        text.setText(NoticeText.body(delivery), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(NoticeHtml.render(delivery, sources), StandardCharsets.UTF_8.name(), "html");

        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(charts.isEmpty() ? html : related(html, charts.values().toArray(byte[][]::new)));
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart related(MimeBodyPart html, byte[][] charts) throws MessagingException {
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(html);
        for (int i = 0; i < charts.length; i++) {
            MimeBodyPart image = new MimeBodyPart();
            image.setDataHandler(new DataHandler(new ByteArrayDataSource(charts[i], "image/png")));
            image.setContentID("<" + contentId(i + 1) + ">");
            image.setDisposition(Part.INLINE);
            image.setFileName("chart-" + (i + 1) + ".png");
            related.addBodyPart(image);
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(related);
        return part;
    }

    private static Map<String, byte[]> charts(Delivery delivery) {
        Map<String, byte[]> charts = new LinkedHashMap<>();
        for (Notice notice : delivery.notices()) {
            if (notice.alert() != null && charts.size() < MAX_CHARTS) {
                AlertChart.png(notice.alert()).ifPresent(png -> charts.put(notice.id(), png));
            }
        }
        return charts;
    }

    private static String contentId(int number) {
        return "chart-" + number + "@stancewatch";
    }

    /** A message whose Message-ID is ours, not the one Jakarta Mail would invent on save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
