package org.stancewatch.ingest.extract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Collectors;
import org.stancewatch.model.json.Json;

/** How {@code stancewatch extract} shows an extraction: a block for people, or one JSON object per line. */
public final class ExtractionReport {
    private ExtractionReport() {}

    /**
     * @param name    the file name or URL the page came from
     * @param verdict {@code article}, or the reason code it would not be published ({@code empty-extraction} ...)
     */
    public static String json(String name, Extraction e, String verdict) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("file", name);
        node.put("url", e.url().toString());
        node.put("verdict", verdict);
        node.put("title", e.title());
        node.put("publishedAt", e.published().map(p -> p.instant().toString()).orElse(null));
        node.put("dateSource", e.published().map(p -> p.source().json()).orElse(null));
        var authors = node.putArray("authors");
        e.authors().forEach(authors::add);
        node.put("language", e.language());
        node.put("canonicalUrl", e.canonicalUrl());
        node.put("outlet", e.outlet());
        node.put("wordCount", e.wordCount());
        node.put("text", e.text());
        return node.toString();
    }

    public static String jsonError(String name, String reason, String message) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("file", name);
        node.put("error", reason);
        node.put("message", message);
        return node.toString();
    }

    public static String text(String name, Extraction e, String verdict) {
        return """
                == %s
                Title:     %s
                Published: %s
                Authors:   %s
                Language:  %s
                Canonical: %s
                Outlet:    %s
                Words:     %d (%s)

                %s
                """.formatted(name, e.title(),
                e.published().map(p -> p.instant() + " (from " + p.source().json() + ")").orElse("none found"),
                e.authors().isEmpty() ? "none found" : e.authors().stream().collect(Collectors.joining(", ")),
                e.language(), e.canonicalUrl(), e.outlet().isEmpty() ? "unknown" : e.outlet(), e.wordCount(),
                verdict.equals("article") ? "an article" : "not published: " + verdict, e.text());
    }
}
