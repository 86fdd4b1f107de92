package org.stancewatch.ingest.extract;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.stancewatch.model.json.Json;

/**
 * The schema.org objects of a page's {@code <script type="application/ld+json">} blocks, with
 * the few article fields the crawler reads. Blocks that are not valid JSON are skipped: broken
 * structured data is common and must not cost the rest of the page.
 */
final class JsonLd {
    private static final Set<String> LISTING_TYPES = Set.of(
            "collectionpage", "itemlist", "searchresultspage", "website", "profilepage", "aboutpage", "contactpage");
    private static final int MAX_BLOCK_CHARS = 512 * 1024;

    private final List<JsonNode> articles;
    /** Objects of other types that carry a publication date (a WebPage, a VideoObject). */
    private final List<JsonNode> dated;
    private final boolean listing;

    private JsonLd(List<JsonNode> articles, List<JsonNode> dated, boolean listing) {
        this.articles = articles;
        this.dated = dated;
        this.listing = listing;
    }

    static JsonLd of(Document doc) {
        List<JsonNode> articles = new ArrayList<>();
        List<JsonNode> dated = new ArrayList<>();
        boolean[] listing = {false};
        for (Element script : doc.select("script[type=application/ld+json]")) {
            String data = script.data();
            if (data.isBlank() || data.length() > MAX_BLOCK_CHARS) {
                continue;
            }
            try {
                collect(Json.mapper().readTree(data), articles, dated, listing, 0);
            } catch (JacksonException e) {
                // malformed structured data: ignore this block
            }
        }
        return new JsonLd(articles, dated, listing[0]);
    }

    private static void collect(JsonNode node, List<JsonNode> articles, List<JsonNode> dated, boolean[] listing,
            int depth) {
        if (node == null || depth > 6) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, articles, dated, listing, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("@graph")) {
            collect(node.get("@graph"), articles, dated, listing, depth + 1);
        }
        for (String type : types(node)) {
            if (isArticleType(type)) {
                articles.add(node);
                return;
            }
            if (LISTING_TYPES.contains(type)) {
                // A WebSite object sits beside the article on most article pages; only a page whose
                // main entity is a listing counts.
                if (!type.equals("website")) {
                    listing[0] = true;
                }
            }
        }
        if (node.has("mainEntity")) {
            collect(node.get("mainEntity"), articles, dated, listing, depth + 1);
        }
        if (node.has("datePublished")) {
            dated.add(node);
        }
    }

    private static boolean isArticleType(String type) {
        return type.endsWith("article") || type.equals("blogposting") || type.equals("liveblogposting")
                || type.equals("report") || type.equals("posting");
    }

    private static List<String> types(JsonNode node) {
        JsonNode type = node.get("@type");
        List<String> types = new ArrayList<>();
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
        } else {
            types.add(type.asText().toLowerCase(Locale.ROOT));
        }
        return types;
    }

    boolean declaresArticle() {
        return !articles.isEmpty();
    }

    boolean declaresListing() {
        return listing && articles.isEmpty();
    }

    Optional<String> headline() {
        return firstText(articles, "headline").or(() -> firstText(articles, "name"));
    }

    Optional<String> datePublished() {
        return firstText(articles, "datePublished").or(() -> firstText(articles, "dateCreated"))
                .or(() -> firstText(dated, "datePublished"));
    }

    /** The article's text where the page ships it as structured data (pages that render it with script). */
    Optional<String> articleBody() {
        return firstText(articles, "articleBody");
    }

    /** The names of the publisher and of the site, as the structured data gives them. */
    List<String> publisherNames() {
        List<String> names = new ArrayList<>();
        for (JsonNode article : articles) {
            addNames(article.get("publisher"), names, true);
        }
        return names;
    }

    Optional<String> language() {
        return firstText(articles, "inLanguage");
    }

    /** The authors that are people: an author typed as an organization is the outlet, not a byline. */
    List<String> authors() {
        List<String> names = new ArrayList<>();
        for (JsonNode article : articles) {
            addNames(article.get("author"), names, false);
            if (!names.isEmpty()) {
                break;
            }
        }
        return names;
    }

    private static void addNames(JsonNode author, List<String> names, boolean organizations) {
        if (author == null) {
            return;
        }
        if (author.isArray()) {
            author.forEach(a -> addNames(a, names, organizations));
        } else if (author.isObject()) {
            JsonNode name = author.get("name");
            boolean organization = types(author).stream().anyMatch(t -> t.contains("organization"));
            if (name != null && name.isTextual() && (organizations || !organization)) {
                names.add(name.asText());
            }
        } else if (author.isTextual()) {
            names.add(author.asText());
        }
    }

    private static Optional<String> firstText(List<JsonNode> nodes, String field) {
        for (JsonNode article : nodes) {
            JsonNode value = article.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(value.asText().strip());
            }
            if (value != null && value.isArray() && !value.isEmpty() && value.get(0).isTextual()) {
                return Optional.of(value.get(0).asText().strip());
            }
        }
        return Optional.empty();
    }
}
