package org.stancewatch.notify.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.json.Json;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;
import org.stancewatch.notify.render.NoticeText;

/** The body a webhook receives, in either {@link WebhookFormat}. */
final class WebhookPayload {
    static final String TYPE_ALERT = "stancewatch.alert";
    static final String TYPE_DIGEST = "stancewatch.digest";

    private static final ObjectMapper MAPPER = Json.mapper();

    private WebhookPayload() {}

    static byte[] of(Delivery delivery, WebhookFormat format) {
        ObjectNode body = format == WebhookFormat.SLACK ? slack(delivery) : json(delivery);
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook body of " + delivery.id(), e);
        }
    }

    /** stancewatch's own form: the notices in their model JSON, plus the text a person reads. */
    static ObjectNode json(Delivery delivery) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("type", delivery.isDigest() ? TYPE_DIGEST : TYPE_ALERT);
        body.put("id", delivery.id());
        body.put("title", NoticeText.subject(delivery));
        body.put("text", NoticeText.body(delivery));
        ArrayNode notices = body.putArray("notices");
        for (Notice notice : delivery.notices()) {
            ObjectNode entry = notices.addObject();
            entry.put("id", notice.id());
            if (notice.alert() != null) {
                entry.put("kind", notice.alert().kind().json());
                entry.set("alert", Codecs.ALERT.toTree(notice.alert()));
            } else {
                entry.put("kind", "source");
                entry.set("source", Codecs.SOURCE_STATUS.toTree(notice.source()));
            }
            entry.put("text", NoticeText.summary(notice));
        }
        return body;
    }

    /** Slack's and Mattermost's incoming-webhook form: one mrkdwn text with the evidence as links. */
    static ObjectNode slack(Delivery delivery) {
        StringBuilder text = new StringBuilder("*").append(escape(NoticeText.subject(delivery))).append("*\n");
        for (Notice notice : delivery.notices()) {
            text.append(delivery.isDigest() ? "• " : "").append(escape(NoticeText.summary(notice))).append('\n');
            if (notice.alert() == null) {
                continue;
            }
            var evidence = delivery.isDigest() ? notice.alert().evidence().stream().limit(1).toList()
                    : notice.alert().evidence();
            for (Evidence item : evidence) {
                text.append(delivery.isDigest() ? "    ◦ " : "• ")
                        .append('<').append(linkTarget(item.url())).append('|')
                        .append(escape(NoticeText.evidenceSource(item))).append(">: “")
                        .append(escape(NoticeText.sentence(item))).append("”\n");
            }
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.put("text", text.toString().stripTrailing());
        return body;
    }

    /** Slack's mrkdwn escapes exactly these three; anything else is literal. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A URL inside {@code <url|label>}: the characters that would end the link are percent-encoded. */
    private static String linkTarget(String url) {
        return url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C").replace(" ", "%20");
    }
}
