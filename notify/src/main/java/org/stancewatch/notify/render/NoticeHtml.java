package org.stancewatch.notify.render;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.stancewatch.model.Alert;
import org.stancewatch.model.Evidence;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;

/**
 * The HTML form of a delivery (an e-mail's rich part): the same words as {@link NoticeText}, the
 * evidence as a list of links, and each alert's chart where the caller supplies an image source.
 *
 * <p>Built as a jsoup document, so every sentence and name is escaped as text: a hostile sentence
 * ({@code <script>}) reads as written and never runs. Links are kept only for http(s) URLs.
 */
public final class NoticeHtml {

    private NoticeHtml() {}

    /**
     * @param chartSources image {@code src} (e.g. {@code cid:chart-1@stancewatch}) by notice id, for
     *                     the notices that have a chart; others get none
     */
    public static String render(Delivery delivery, Map<String, String> chartSources) {
        Document document = Document.createShell("");
        document.prependChild(new DocumentType("html", "", ""));
        document.outputSettings().prettyPrint(true).charset("UTF-8");
        document.title(NoticeText.subject(delivery));
        document.head().prependElement("meta").attr("charset", "UTF-8");
        Element body = document.body();
        body.attr("style", "font-family: sans-serif; max-width: 48em");
        body.appendElement("h2").text(NoticeText.subject(delivery));
        for (Notice notice : delivery.notices()) {
            Element section = delivery.isDigest() ? body.appendElement("section") : body;
            if (delivery.isDigest()) {
                section.appendElement("h3").text(NoticeText.headline(notice));
            }
            section.appendElement("p").text(NoticeText.summary(notice) + ".");
            if (notice.alert() != null) {
                appendAlert(section, notice.alert(), chartSources.get(notice.id()));
            } else {
                section.appendElement("p").text(NoticeText.sourceDetail(notice.source()) + ".");
            }
        }
        body.appendElement("p").attr("style", "color: #666; font-size: smaller")
                .text("Sent by stancewatch. Notice " + delivery.id() + ".");
        return document.outerHtml();
    }

    private static void appendAlert(Element section, Alert alert, String chartSource) {
        section.appendElement("p").text(NoticeText.windows(alert) + ".");
        if (chartSource != null) {
            section.appendElement("img").attr("src", chartSource)
                    .attr("alt", "Chart: baseline mean against recent mean, with the evidence scores")
                    .attr("width", String.valueOf(AlertChart.WIDTH)).attr("height", String.valueOf(AlertChart.HEIGHT));
        }
        if (alert.evidence().isEmpty()) {
            return;
        }
        section.appendElement("p").text("Evidence:");
        Element list = section.appendElement("ul");
        for (Evidence evidence : alert.evidence()) {
            Element item = list.appendElement("li");
            if (isWebLink(evidence.url())) {
                item.appendElement("a").attr("href", evidence.url()).text(NoticeText.evidenceSource(evidence));
            } else {
                item.appendText(NoticeText.evidenceSource(evidence) + " (" + evidence.url() + ")");
            }
            item.appendText(": “" + NoticeText.sentence(evidence) + "”");
        }
    }

    /** Only http(s) links become clickable; a {@code javascript:} or {@code data:} URL stays text. */
    static boolean isWebLink(String url) {
        try {
            String scheme = URI.create(url.strip()).getScheme();
            return scheme != null && switch (scheme.toLowerCase(Locale.ROOT)) {
                case "http", "https" -> true;
                default -> false;
            };
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
