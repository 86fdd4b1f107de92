package org.stancewatch.ingest.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The page's {@code <meta>} tags by property, name, itemprop or http-equiv (case-insensitive; first wins). */
final class MetaTags {
    private final Map<String, String> contents = new HashMap<>();

    MetaTags(Document doc) {
        for (Element meta : doc.getElementsByTag("meta")) {
            String content = meta.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String attribute : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String key = meta.attr(attribute);
                if (!key.isEmpty()) {
                    contents.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), content);
                }
            }
        }
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(contents.get(key));
    }
}
